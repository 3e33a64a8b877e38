import Foundation
import Testing
import WeirCore
import WeirStore
import WeirTestSupport

/// The review page in real headless Chromium (Debian's `chromium` and `chromium-driver`, installed
/// by `scripts/install-deps.sh`), driven by keyboard and mouse through WebDriver.
@Suite(.serialized, .enabled(if: ChromeDriver.available, "needs chromium and chromium-driver"))
struct ReviewPageTests {
  /// The item under review, as the page shows it.
  static let currentKey = """
    const s = window.weirReview; if (!s || !s.pos) return null;
    const a = s.inputs[s.pos.input].annotations[s.pos.item];
    return [a.key.workflow, a.key.input, a.key.node, a.key.region, a.key.concept].join("|");
    """

  static func key(_ text: String) -> AnnotationKey {
    let p = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    return AnnotationKey(workflowId: p[0], inputId: p[1], nodeId: p[2], regionId: p[3], conceptId: p[4])
  }

  static func waitForItem(_ page: WebSession) throws {
    try page.wait(
      "an item to review",
      until: "return document.getElementById('current').dataset.state === 'open' && !window.weirReview.busy")
  }

  @Test func reviewingTwentyItemsByKeyboardWritesEachDecisionToTheStore() throws {
    let temp = try TemporaryDirectory("weir-review-tests")
    defer { temp.remove() }
    let store = temp.path("weir.db")
    try ReviewFixtures.generated(store)
    let server = try ReviewProcess(store: "weir.db", in: temp.url)
    defer { server.stop() }
    let driver = try ChromeDriver(folder: temp.url)
    defer { driver.stop() }
    let page = try driver.session()
    try page.open(server.base)
    try Self.waitForItem(page)
    // Boxes are drawn on the photo: one per annotation of the input, the current one with handles.
    try page.wait(
      "the photo",
      until: "const i = document.getElementById('photo'); return i.complete && i.naturalWidth > 0")
    #expect((try page.run("return document.querySelectorAll('#boxes rect').length") as? Int ?? 0) >= 2)
    try page.screenshot().write(to: temp.url.appendingPathComponent("review-start.png"))

    enum Expected: Equatable {
      case status(Int)
      case relabel(String)
      case corrected
    }
    var expected: [AnnotationKey: Expected] = [:]
    var order: [AnnotationKey] = []
    for n in 0..<20 {
      let key = Self.key(try #require(try page.run(Self.currentKey) as? String))
      #expect(expected[key] == nil, "item \(n) shown twice")
      switch n {
      case 4:
        try page.type("r")
        try page.wait("the relabel menu", until: "return !document.getElementById('relabel').hidden")
        try page.type("dog\u{E007}")
        expected[key] = .relabel("dog")
      case 7:
        let corner = try #require(
          try page.run(
            """
            const h = document.querySelector('#boxes .handle[data-corner="br"]').getBoundingClientRect();
            return [h.x + h.width / 2, h.y + h.height / 2];
            """) as? [Double])
        try page.drag(from: (corner[0], corner[1]), to: (corner[0] - 25, corner[1] - 20))
        try page.screenshot().write(to: temp.url.appendingPathComponent("review-corrected.png"))
        try page.type("a")
        expected[key] = .corrected
      default:
        let reject = n % 3 == 2
        try page.type(reject ? "x" : "a")
        expected[key] = .status(reject ? 24158 : 24150)
      }
      order.append(key)
      try page.wait(
        "decision \(n + 1)",
        until: "return window.weirReview.history.length === \(n + 1) && !window.weirReview.busy")
    }
    // Undo the last one: it is shown again and the store forgets its decision.
    try page.type("u")
    try page.wait(
      "the undo", until: "return window.weirReview.history.length === 19 && !window.weirReview.busy")
    let undone = order[19]
    #expect(
      try page.run(Self.currentKey) as? String
        == [undone.workflowId, undone.inputId, undone.nodeId, undone.regionId, undone.conceptId].joined(
          separator: "|"))
    expected[undone] = nil
    try page.screenshot().write(to: temp.url.appendingPathComponent("review-undone.png"))

    try page.open(server.base)
    try Self.waitForItem(page)
    try page.wait(
      "the progress",
      until: "return document.getElementById('progress').textContent.startsWith('19 done · 11 left')")

    let reader = try SQLiteAnnotationStore(path: store, options: .init(readOnly: true))
    for key in order {
      let row = try #require(try reader.annotation(key))
      switch expected[key] {
      case .status(let status)?:
        #expect(row.record.status == status, "\(key.inputId) \(key.regionId)")
        #expect(row.record.box == ReviewFixtures.box(Int(key.regionId.dropFirst())! + 1, of: 4))
      case .relabel(let concept)?:
        #expect(row.record.status == 24150)
        #expect(row.record.conceptName == concept)
        #expect(row.decision?.action == .relabel)
      case .corrected?:
        #expect(row.record.status == 24150)
        #expect(row.decision?.action == .correct)
        let was = ReviewFixtures.box(Int(key.regionId.dropFirst())! + 1, of: 4)
        let now = try #require(row.record.box)
        #expect(now.bottomRow < was.bottomRow && now.rightCol < was.rightCol)
        #expect(abs(now.topRow - was.topRow) < 1e-9 && abs(now.leftCol - was.leftCol) < 1e-9)
      case nil:
        #expect(row.record.status == 24157)
        #expect(row.decision == nil)
      }
    }
    let decisions = try reader.allDecisions()
    #expect(decisions.count == 21)
    #expect(decisions.last?.action == .undo)
    #expect(Set(decisions.map(\.reviewer)).count == 1)
  }

  @Test func twoBrowsersNeverGetTheSameInput() throws {
    let temp = try TemporaryDirectory("weir-review-tests")
    defer { temp.remove() }
    try ReviewFixtures.generated(temp.path("weir.db"))
    let server = try ReviewProcess(store: "weir.db", in: temp.url)
    defer { server.stop() }
    let driver = try ChromeDriver(folder: temp.url)
    defer { driver.stop() }
    let first = try driver.session()
    let second = try driver.session(width: 390, height: 844)
    try first.open(server.base)
    try Self.waitForItem(first)
    try second.open(server.base)
    try Self.waitForItem(second)
    let inputs = "return window.weirReview.inputs.map(i => i.id)"
    let a = Set(try #require(try first.run(inputs) as? [String]))
    let b = Set(try #require(try second.run(inputs) as? [String]))
    #expect(a.count == 5 && b.count == 5)
    #expect(a.isDisjoint(with: b))
    try second.screenshot().write(to: temp.url.appendingPathComponent("phone.png"))
    // The first reviewer's decisions and reload keep to its own inputs.
    try first.type("a")
    try first.wait(
      "the decision", until: "return window.weirReview.history.length === 1 && !window.weirReview.busy")
    try first.open(server.base)
    try Self.waitForItem(first)
    let again = Set(try #require(try first.run(inputs) as? [String]))
    #expect(again.isDisjoint(with: b))
  }

  @Test func aLockedStoreIsShownAndRetried() throws {
    let temp = try TemporaryDirectory("weir-review-tests")
    defer { temp.remove() }
    try ReviewFixtures.generated(temp.path("weir.db"))
    let server = try ReviewProcess(store: "weir.db", in: temp.url)
    defer { server.stop() }
    let driver = try ChromeDriver(folder: temp.url)
    defer { driver.stop() }
    let page = try driver.session()
    // A `weir run` writing to the same store holds its write lock while the page loads.
    let holder = try StoreLockHolder(path: temp.path("weir.db"))
    defer { holder.release() }
    try page.open(server.base)
    try page.wait(
      "the locked banner",
      until:
        "const b = document.getElementById('banner'); return !b.hidden && b.textContent.includes('locked by a running')"
    )
    holder.release()
    try Self.waitForItem(page)
    #expect(try page.run("return document.getElementById('banner').hidden") as? Bool == true)
  }
}
