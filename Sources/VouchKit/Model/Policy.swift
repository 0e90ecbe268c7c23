/// A policy: a document people are held to, owned, versioned and periodically approved.
public struct Policy: Sendable {
    public var file: String
    public var id: Located<String>
    public var title: Located<String>?
    public var owner: Located<String>?
    public var approvers: [Located<Identity>]
    public var version: Located<String>?
    public var effective: Located<CalendarDate>?
    public var reviewIntervalDays: Located<Int>?
    public var criteria: [Located<CriterionReference>]
    public var text: Located<String>
}

/// A SOC 1 control objective, defined by management.
public struct Objective: Sendable {
    public var file: String
    public var id: Located<String>
    public var title: Located<String>?
    public var narrative: Located<String>
}
