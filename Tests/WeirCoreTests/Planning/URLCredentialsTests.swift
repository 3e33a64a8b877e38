import Testing
import WeirCore

/// `weir plan` shows backend URLs without their credentials (issue 12, item 4).
@Suite struct URLCredentialsTests {
  @Test(arguments: [
    ("http://admin:PASSWORD@127.0.0.1:9/", "http://***@127.0.0.1:9/"),
    ("https://ghp_token@models.example.com", "https://***@models.example.com"),
    ("https://a:b@c@host/x?y=1", "https://***@host/x?y=1"),
    ("see http://u:p@one and https://v:q@two/", "see http://***@one and https://***@two/"),
    ("http://host/path@not-a-credential", "http://host/path@not-a-credential"),
    ("https://api.clarifai.com", "https://api.clarifai.com"),
    ("predictions.json", "predictions.json"),
  ])
  func credentialsAreHidden(text: String, shown: String) {
    #expect(JSONValue.redactingURLCredentials(in: text) == shown)
  }

  @Test func insideArraysAndObjects() {
    let value = JSONValue.object([
      "http": .string("http://admin:PASSWORD@h/"), "list": .array([.string("ftp://x:y@z"), .number(1)]),
    ])
    #expect(
      value.redactingURLCredentials
        == .object(["http": .string("http://***@h/"), "list": .array([.string("ftp://***@z"), .number(1)])]))
  }
}
