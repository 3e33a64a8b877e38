/// Readers for Clarifai's `Data` shape (`regions[].region_info.bounding_box`, `data.concepts[]`…),
/// the same JSON `DataRecord`'s Codable conformance writes. Unknown keys are skipped.
extension JSONScanner {
  mutating func readDataRecord() throws(JSONScanError) -> DataRecord {
    var d = DataRecord()
    try readObject { (s, key) throws(JSONScanError) in try s.readDataField(key, into: &d) }
    return d
  }

  /// Reads one key of a `Data` object; returns false (value untouched) for keys it does not know.
  @discardableResult
  mutating func readDataField(_ key: JSONKey, into d: inout DataRecord) throws(JSONScanError) -> Bool {
    if key == "regions" {
      if readNull() { return true }
      var scratch = regionScratch
      regionScratch = []
      scratch.removeAll(keepingCapacity: true)
      try readArray { (s) throws(JSONScanError) in scratch.append(try s.readRegion()) }
      d.regions = Array(scratch[...])
      regionScratch = scratch
    } else if key == "concepts" {
      d.concepts = try readConcepts()
    } else if key == "image" {
      d.image = readNull() ? nil : try readImage()
    } else if key == "text" {
      d.text = try readText()
    } else if key == "metadata" {
      if case .object(let o) = try readValue() { d.metadata = o }
    } else if key == "embeddings" {
      if readNull() { return true }
      try readArray { (s) throws(JSONScanError) in d.embeddings.append(try s.readEmbedding()) }
    } else {
      return false
    }
    return true
  }

  mutating func readConcepts() throws(JSONScanError) -> [Concept] {
    if readNull() { return [] }
    var scratch = conceptScratch
    conceptScratch = []
    scratch.removeAll(keepingCapacity: true)
    try readArray { (s) throws(JSONScanError) in scratch.append(try s.readConcept()) }
    conceptScratch = scratch
    return Array(scratch[...])
  }

  mutating func readConcept() throws(JSONScanError) -> Concept {
    let start = index
    var id: String?
    var name: String?
    var value = 1.0
    try readObject { (s, key) throws(JSONScanError) in
      if key == "id" {
        id = try s.readStringOrNumber()
      } else if key == "name" {
        name = try s.readString()
      } else if key == "value" {
        value = try s.readNumber()
      } else {
        try s.skipValue()
      }
    }
    guard let k = id ?? name else {
      index = start
      throw error("a concept needs an id or a name")
    }
    return Concept(id: k, name: name ?? k, value: value)
  }

  mutating func readRegion() throws(JSONScanError) -> Region {
    var r = Region(id: "")
    try readObject { (s, key) throws(JSONScanError) in
      if key == "id" {
        r.id = try s.readStringOrNumber()
      } else if key == "value" {
        r.value = s.readNull() ? nil : try s.readNumber()
      } else if key == "track_id" {
        r.trackId = s.readNull() ? nil : try s.readStringOrNumber()
      } else if key == "region_info" {
        if s.readNull() { return }
        try s.readObject { (s, key) throws(JSONScanError) in
          if key == "bounding_box" {
            r.boundingBox = s.readNull() ? nil : try s.readBox()
          } else {
            try s.skipValue()
          }
        }
      } else if key == "data" {
        if s.readNull() { return }
        try s.readObject { (s, key) throws(JSONScanError) in
          if key == "concepts" {
            r.concepts = try s.readConcepts()
          } else if key == "image" {
            r.image = s.readNull() ? nil : try s.readImage()
          } else if key == "text" {
            r.text = try s.readText()
          } else {
            try s.skipValue()
          }
        }
      } else {
        try s.skipValue()
      }
    }
    return r
  }

  mutating func readBox() throws(JSONScanError) -> BoundingBox {
    var b = BoundingBox(topRow: 0, leftCol: 0, bottomRow: 0, rightCol: 0)
    try readObject { (s, key) throws(JSONScanError) in
      if key == "top_row" {
        b.topRow = try s.readNumber()
      } else if key == "left_col" {
        b.leftCol = try s.readNumber()
      } else if key == "bottom_row" {
        b.bottomRow = try s.readNumber()
      } else if key == "right_col" {
        b.rightCol = try s.readNumber()
      } else {
        try s.skipValue()
      }
    }
    return b
  }

  mutating func readImage() throws(JSONScanError) -> ImageRef {
    var img = ImageRef()
    try readObject { (s, key) throws(JSONScanError) in
      if key == "url" {
        img.url = s.readNull() ? nil : try s.readString()
      } else if key == "path" {
        img.path = s.readNull() ? nil : try s.readString()
      } else if key == "image_info" {
        if s.readNull() { return }
        try s.readObject { (s, key) throws(JSONScanError) in
          if key == "width" {
            img.width = try s.readInt()
          } else if key == "height" {
            img.height = try s.readInt()
          } else {
            try s.skipValue()
          }
        }
      } else {
        try s.skipValue()
      }
    }
    return img
  }

  /// Clarifai writes text as `{"raw": "…"}`; a bare string is accepted too.
  mutating func readText() throws(JSONScanError) -> String? {
    if readNull() { return nil }
    if peek() == UInt8(ascii: "\"") { return try readString() }
    var raw: String?
    try readObject { (s, key) throws(JSONScanError) in
      if key == "raw" { raw = try s.readString() } else { try s.skipValue() }
    }
    return raw
  }

  mutating func readEmbedding() throws(JSONScanError) -> Embedding {
    var vector: [Float] = []
    try readObject { (s, key) throws(JSONScanError) in
      if key == "vector" {
        try s.readArray { (s) throws(JSONScanError) in vector.append(Float(try s.readNumber())) }
      } else {
        try s.skipValue()
      }
    }
    return Embedding(vector: vector)
  }

  /// An input as replay files name it: a string (an id or a file name), or an object with `id`,
  /// `path`, `url`, or Clarifai's `data.image.url`.
  mutating func readInputRef() throws(JSONScanError) -> InputItem {
    try readInputRefAndImage().0
  }

  /// An input and, when it says, its image (Clarifai's `input.data.image` may carry `image_info`).
  mutating func readInputRefAndImage() throws(JSONScanError) -> (InputItem, ImageRef?) {
    if peek() == UInt8(ascii: "\"") || peek() != UInt8(ascii: "{") {
      return (InputItem(id: try readStringOrNumber()), nil)
    }
    let start = index
    var item = InputItem(id: "")
    var image: ImageRef?
    try readObject { (s, key) throws(JSONScanError) in
      if key == "id" {
        item.id = try s.readStringOrNumber()
      } else if key == "path" {
        item.path = try s.readString()
      } else if key == "url" {
        item.url = try s.readString()
      } else if key == "data" {
        let data = try s.readDataRecord()
        image = data.image
        item.url = item.url ?? data.image?.url
        item.path = item.path ?? data.image?.path
      } else {
        try s.skipValue()
      }
    }
    if item.id.isEmpty, let name = (item.path ?? item.url).map(InputNames.fileName) { item.id = name }
    guard !item.id.isEmpty else {
      index = start
      throw error("an input needs an id, a path or a url")
    }
    return (item, image)
  }
}
