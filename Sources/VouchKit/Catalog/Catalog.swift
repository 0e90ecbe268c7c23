/// One requirement of a framework: a SOC 2 criterion, or an entry of a custom framework.
public struct CatalogEntry: Sendable, Hashable, Codable {
    public var id: String
    /// For SOC 2 one of the `TrustServicesCategory` raw values; free text (or nil) elsewhere.
    public var category: String?
    /// A short topic in Vouch's own words (SOC 2) or the framework file's title.
    public var topic: String

    public init(id: String, category: String?, topic: String) {
        self.id = id
        self.category = category
        self.topic = topic
    }
}

/// A list of requirements that controls map to.
///
/// SOC 2 is built in under the key `soc2`; custom frameworks come from `frameworks/<key>.yml`.
/// In a control, a bare ID (`CC8.1`) refers to SOC 2 and `key:ID` (`iso27001:A.5.1`) to another
/// framework.
public struct Catalog: Sendable {
    public var key: String
    public var name: String
    public var entries: [CatalogEntry]
    private let indexByID: [String: Int]

    public init(key: String, name: String, entries: [CatalogEntry]) {
        self.key = key
        self.name = name
        self.entries = entries
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() where index[entry.id] == nil { index[entry.id] = position }
        indexByID = index
    }

    public func entry(_ id: String) -> CatalogEntry? {
        indexByID[id].map { entries[$0] }
    }

    public func contains(_ id: String) -> Bool { indexByID[id] != nil }
}

/// A reference from a control to a requirement: `CC8.1` or `iso27001:A.5.1`.
public struct CriterionReference: Hashable, Sendable, CustomStringConvertible, Comparable {
    public static let soc2Key = "soc2"

    public var framework: String
    public var id: String

    public init(framework: String = CriterionReference.soc2Key, id: String) {
        self.framework = framework
        self.id = id
    }

    /// Parses what a control writes; a prefix before the first `:` names the framework.
    public init(parsing text: String) {
        if let colon = text.firstIndex(of: ":") {
            self.init(framework: String(text[..<colon]).lowercased(), id: String(text[text.index(after: colon)...]))
        } else {
            self.init(id: text)
        }
    }

    public var isSOC2: Bool { framework == Self.soc2Key }

    public var description: String { isSOC2 ? id : "\(framework):\(id)" }

    public static func < (lhs: CriterionReference, rhs: CriterionReference) -> Bool {
        (lhs.framework, lhs.id) < (rhs.framework, rhs.id)
    }
}
