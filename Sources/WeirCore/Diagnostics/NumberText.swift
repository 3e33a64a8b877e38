/// How weir writes a number for people: the shortest text that reads back as the same `Double`,
/// with no trailing `.0` (`0`, `0.95`, `1`, `1e-05`, `inf`, `-inf`).
///
/// One function, so a threshold reads the same in a diagnostic, a lint finding, `weir plan`, a
/// parameter passed on as text and an id read from a predictions file.
public enum NumberText {
  public static func format(_ x: Double) -> String {
    // Whole numbers print as integers; past 1e15 a Double's integer digits stop being exact, and
    // `String(x)` ("1e+15") is the honest form.
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
  }
}
