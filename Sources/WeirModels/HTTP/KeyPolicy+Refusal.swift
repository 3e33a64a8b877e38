import WeirCore

extension KeyPolicy {
  /// Refuses to build a backend that would send the key in `keyEnv` where it may not go: one error
  /// naming the model, the variable and the host, and saying what allows it. No value is ever shown.
  func check(sending keyEnv: String?, to config: ClarifaiHTTPConfig, modelName: String)
    throws(BackendConfigError)
  {
    guard let keyEnv, let refusal = refusal(sending: keyEnv, to: config.baseURL) else { return }
    switch refusal {
    case .plainHTTP(let host):
      throw BackendConfigError(
        id: "backend.key-over-http",
        message:
          "model '\(modelName)' would send the API key in \(keyEnv) over plain HTTP to \(host); use an https:// URL",
        range: nil,
        notes: [
          Note(
            "weir sends a key over http:// only to this machine (localhost, 127.0.0.1, ::1); no option changes that"
          ),
          Note("a server that needs no key takes 'key_env: null'"),
        ])
    case .hostNotAllowed(let host):
      var notes: [Note] = []
      if let configPath { notes.append(Note("or add '\(host)' to allow_hosts in \(configPath)")) }
      notes.append(
        Note(
          "a workflow file cannot decide where a key goes: without permission weir sends only \(ClarifaiHTTPConfig.defaultKeyEnv) to https://\(Self.clarifaiHost)"
        ))
      throw BackendConfigError(
        id: "backend.host-not-allowed",
        message:
          "model '\(modelName)' would send the API key in \(keyEnv) to \(host), which you have not allowed; pass --allow-host \(host) to allow it",
        range: nil, notes: notes)
    }
  }
}
