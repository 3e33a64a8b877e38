/// Where a node runs on the data that reaches it: on the whole input, or once per region or frame.
///
/// Clarifai applies a model whose input is `image` to every crop when it follows an image-crop,
/// and puts its output into that region, keeping the region's id and box (reference §3.4, "Region
/// lifting"); video models run on every frame. weir generalizes this: a node runs at the outermost
/// scope where the fields it needs are found, and its output is put back at that scope.
public enum Scope: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
  /// On the data as a whole.
  case whole
  /// On `regions[...].data` of each region (after image-crop or image-tiling-operator).
  case eachRegion
  /// On `frames[...].data` of each frame of a video.
  case eachFrame
  /// On `frames[...].data.regions[...].data`: each region of each frame.
  case eachFrameRegion

  /// The list fields walked down to reach this scope; each step goes through the element's `data`.
  public var lists: [String] {
    switch self {
    case .whole: return []
    case .eachRegion: return ["regions"]
    case .eachFrame: return ["frames"]
    case .eachFrameRegion: return ["frames", "regions"]
    }
  }

  /// `on each region`, for messages and `weir plan`.
  public var description: String {
    switch self {
    case .whole: return "on the whole input"
    case .eachRegion: return "on each region"
    case .eachFrame: return "on each frame"
    case .eachFrameRegion: return "on each region of each frame"
    }
  }
}

extension Kind {
  /// The data a node running at `scope` sees, or `nil` when this kind has nothing at that scope.
  /// A `video` is seen as an `image` in each frame.
  public func view(at scope: Scope) -> Kind? {
    var current = self
    for list in scope.lists {
      var next = current.fields[list]?.fields["data"]
      if list == "frames", current.fields["video"] != nil {
        next = (next ?? Kind()).union(Kind(fields: ["image": Kind()]))
      }
      guard let data = next else { return nil }
      current = data
    }
    return current
  }

  /// The output `output` of a node that ran at `scope` on this kind, put back where it ran: each
  /// element keeps its other fields (a region its `region_info` and `track_id`) and its `data` is
  /// replaced by `output`.
  public func lifting(_ output: Kind, from scope: Scope) -> Kind {
    Kind.wrap(output, in: self, lists: scope.lists[...])
  }

  private static func wrap(_ output: Kind, in input: Kind, lists: ArraySlice<String>) -> Kind {
    guard let list = lists.first else { return output }
    var element = input.fields[list] ?? Kind()
    let inner = element.fields["data"] ?? Kind()
    element.fields["data"] = wrap(output, in: inner, lists: lists.dropFirst())
    return Kind(fields: [list: element])
  }
}
