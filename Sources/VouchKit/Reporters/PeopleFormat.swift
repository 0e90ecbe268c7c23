/// The formats `vouch people` writes.
public enum PeopleFormat: String, Sendable, CaseIterable {
    case text, json, csv
}
