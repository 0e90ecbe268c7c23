/// The formats `vouch runs` writes.
public enum RunsFormat: String, Sendable, CaseIterable {
    case text, json, csv
}
