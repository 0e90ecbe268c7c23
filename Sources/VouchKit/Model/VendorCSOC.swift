/// A control the vendor expects of us (a complementary subservice organisation control or CUEC),
/// with the criteria it supports and our controls that meet or monitor it.
public struct VendorCSOC: Sendable {
    public var text: Located<String>
    public var criteria: [Located<CriterionReference>]
    public var controls: [Located<String>]
    public var location: SourceLocation
}
