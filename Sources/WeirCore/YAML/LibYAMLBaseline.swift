import CYAML

/// libyaml's event parser and nothing else: every event of a file read and dropped, no nodes
/// built. The floor that `weir bench check` measures the whole check against.
public enum LibYAMLBaseline {
  /// Parses `bytes` event by event; the number of events, or `nil` when libyaml reports an error.
  public static func countEvents(_ bytes: [UInt8]) -> Int? {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return nil }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var count = 0
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
        let done = event.type == YAML_STREAM_END_EVENT
        yaml_event_delete(&event)
        count += 1
        if done { return count }
      }
    }
  }
}
