/// A vendor's letter saying nothing material changed after its report period, up to `through`.
public struct BridgeLetter: Sendable {
    public var through: Located<CalendarDate>
    public var received: Located<CalendarDate>?
}
