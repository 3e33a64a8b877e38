import ArgumentParser

/// The `weir` command: one binary for checking, linting, planning, running and tuning workflows.
@main
struct Weir: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "weir",
    abstract: "A YAML workflow language for model-driven data work, above all auto-annotation.",
    version: "0.1.0",
    subcommands: [
      CheckCommand.self,
      LintCommand.self,
      BandsCommand.self,
      ConvertCommand.self,
      PlanCommand.self,
      RunCommand.self,
      AnnotationsCommand.self,
      ReviewCommand.self,
      BenchCommand.self,
      TypesCommand.self,
      ReplCommand.self,
      LSPCommand.self,
      SchemaCommand.self,
      WorkerCommand.self,
      RunsCommand.self,
    ]
  )
}
