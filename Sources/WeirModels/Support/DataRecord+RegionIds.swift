import WeirCore

extension DataRecord {
  /// The record with every region that came without an id named `region-<n>`, its position in the
  /// answer. Stores key annotations by region id, so two id-less boxes of one input must not share "".
  func fillingRegionIds() -> DataRecord {
    guard regions.contains(where: { $0.id.isEmpty }) else { return self }
    var record = self
    for index in record.regions.indices where record.regions[index].id.isEmpty {
      record.regions[index].id = "region-\(index)"
    }
    return record
  }
}
