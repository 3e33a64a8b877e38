/// Clarifai's `status`: `{"code": 10000, "description": "Ok", "details": "…"}`.
struct ClarifaiStatus: Decodable, Sendable, Hashable {
  var code: Int?
  var description: String?
  var details: String?

  /// `SUCCESS`. Every other code on an output means the input failed (Clarifai reference §4).
  static let success = 10000
  /// `MIXED_STATUS`: some outputs succeeded, some failed; each output carries its own status.
  static let mixed = 10010

  var isSuccess: Bool { code == nil || code == Self.success }

  /// "Model does not exist; <details> (Clarifai status 21200)", or `nil` when the status says nothing.
  var summary: String? {
    let text = [description, details].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: "; ")
    switch (text.isEmpty, code) {
    case (true, nil): return nil
    case (true, let code?): return "Clarifai status \(code)"
    case (false, nil): return text
    case (false, let code?): return "\(text) (Clarifai status \(code))"
    }
  }
}
