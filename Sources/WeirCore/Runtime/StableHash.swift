/// A small, stable, non-cryptographic hash (FNV-1a 64 finished with SplitMix64).
///
/// Used where weir needs the same number on every machine and every run: region ids minted by
/// operators and replay, and random-sample's per-input draw. Swift's `Hasher` is seeded per process,
/// so it cannot serve here.
public struct StableHash: Sendable {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  /// Mixes in the UTF-8 bytes of a string, then a separator so `("ab", "c")` and `("a", "bc")` differ.
  public mutating func combine(_ s: String) {
    for b in s.utf8 { mix(b) }
    mix(0xff)
  }

  /// Mixes in the text of four numbers joined by commas, then the separator: what `combine` of
  /// `"\(a),\(b),\(c),\(d)"` mixes, without making that string (replay names every region so).
  public mutating func combine(joining a: Double, _ b: Double, _ c: Double, _ d: Double) {
    mixText(a)
    mix(UInt8(ascii: ","))
    mixText(b)
    mix(UInt8(ascii: ","))
    mixText(c)
    mix(UInt8(ascii: ","))
    mixText(d)
    mix(0xff)
  }

  /// A number's text as string interpolation writes it (its `description`), short enough to need
  /// no allocation for the numbers boxes hold.
  private mutating func mixText(_ x: Double) {
    var text = x.description
    text.withUTF8 { for b in $0 { mix(b) } }
  }

  /// Mixes in the bit pattern of a number.
  public mutating func combine(_ x: Double) { combine(x.bitPattern) }

  public mutating func combine(_ x: UInt64) {
    var v = x
    for _ in 0..<8 {
      mix(UInt8(truncatingIfNeeded: v))
      v >>= 8
    }
  }

  private mutating func mix(_ b: UInt8) {
    state ^= UInt64(b)
    state = state &* 0x100_0000_01b3
  }

  /// The 64-bit result, finished with SplitMix64 so nearby inputs land far apart.
  public var value: UInt64 {
    var z = state &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A number in [0, 1) from the top 53 bits of the hash.
  public var unitInterval: Double { Double(value >> 11) * 0x1.0p-53 }

  /// A 32-character lowercase hex id, in the shape of Clarifai's region ids.
  public var hexId: String {
    var second = self
    second.mix(0x5a)
    return Self.hex(value) + Self.hex(second.value)
  }

  /// Sixteen lowercase hex digits, written straight into the string's storage (a region id is
  /// minted for every replayed region).
  static func hex(_ v: UInt64) -> String {
    String(unsafeUninitializedCapacity: 16) { buffer in
      let digits: StaticString = "0123456789abcdef"
      for i in 0..<16 {
        let nibble = Int((v >> UInt64(60 - 4 * i)) & 0xf)
        buffer[i] = digits.utf8Start[nibble]
      }
      return 16
    }
  }
}
