/// Checks that a file is UTF-8 before libyaml reads it.
///
/// libyaml would also reject bad bytes, but it guesses UTF-16 from a byte-order mark and reports
/// positions we would then misplace; checking first gives one precise error at the first bad byte.
enum UTF8Validation {
  /// The first byte that is not part of a well-formed UTF-8 sequence.
  struct Problem {
    var offset: Int
    var length: Int
    var isUTF16: Bool

    func diagnostic(in file: SourceFile) -> Diagnostic {
      let range = SourceRange(start: offset, end: offset + length)
      if isUTF16 {
        return .error(
          "yaml.encoding", "the file is UTF-16 text; weir reads UTF-8", at: range,
          notes: [Note("convert it, for example with 'iconv -f UTF-16 -t UTF-8'")])
      }
      let hex = file.bytes[offset..<offset + length].map { byteHex($0) }.joined(separator: " ")
      return .error("yaml.encoding", "the file is not valid UTF-8: unexpected byte \(hex)", at: range)
    }

    private func byteHex(_ b: UInt8) -> String {
      let digits = Array("0123456789ABCDEF")
      return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
    }
  }

  /// `nil` when all of `bytes` is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates).
  static func firstProblem(in bytes: [UInt8]) -> Problem? {
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return Problem(offset: 0, length: 2, isUTF16: true)
    }
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length = sequenceLength(bytes, at: i)
      if length == 0 { return Problem(offset: i, length: 1, isUTF16: false) }
      i += length
    }
    return nil
  }

  /// The length of the well-formed sequence starting at `i` (a non-ASCII lead byte), or 0.
  private static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
    let b = bytes[i]
    let need: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch b {
    case 0xC2...0xDF: need = 1
    case 0xE0: need = 2; low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: need = 2
    case 0xED: need = 2; high = 0x9F
    case 0xF0: need = 3; low = 0x90
    case 0xF1...0xF3: need = 3
    case 0xF4: need = 3; high = 0x8F
    default: return 0
    }
    guard i + need < bytes.count else { return 0 }
    for k in 1...need {
      let c = bytes[i + k]
      let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
      if c < lo || c > hi { return 0 }
    }
    return need + 1
  }
}
