/// One `Output` of a Clarifai response: the input, the model, the status and the data.
struct ClarifaiOutput {
  struct Status {
    var code: Int
    var description: String?

    var isSuccess: Bool { code == 10000 || code == 0 }
    var message: String { "recorded status \(code)" + (description.map { " (\($0))" } ?? "") }

    static func read(_ s: inout JSONScanner) throws(JSONScanError) -> Status {
      var st = Status(code: 0)
      try s.readObject { (s, key) throws(JSONScanError) in
        if key == "code" {
          st.code = try s.readInt()
        } else if key == "description" {
          st.description = try s.readString()
        } else if key == "details" {
          let d = try s.readString()
          st.description = st.description.map { "\($0): \(d)" } ?? d
        } else {
          try s.skipValue()
        }
      }
      return st
    }
  }

  var input: InputItem?
  var inputImage: ImageRef?
  var modelId: String?
  var status: Status?
  var data = DataRecord()

  var result: Result<DataRecord, ModelError> {
    if let status, !status.isSuccess { return .failure(ModelError(status.message)) }
    return .success(data)
  }

  static func read(_ s: inout JSONScanner) throws(JSONScanError) -> ClarifaiOutput {
    var o = ClarifaiOutput()
    try s.readObject { (s, key) throws(JSONScanError) in
      if key == "input" {
        (o.input, o.inputImage) = try s.readInputRefAndImage()
      } else if key == "status" {
        o.status = try Status.read(&s)
      } else if key == "data" {
        o.data = s.readNull() ? DataRecord() : try s.readDataRecord()
      } else if key == "model" {
        try s.readObject { (s, key) throws(JSONScanError) in
          if key == "id" { o.modelId = try s.readString() } else { try s.skipValue() }
        }
      } else {
        try s.skipValue()
      }
    }
    return o
  }
}
