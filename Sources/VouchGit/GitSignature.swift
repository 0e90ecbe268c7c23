import VouchCore

/// A person and time as recorded in a commit (author or committer).
public struct GitSignature: Sendable, Hashable {
    public var name: String
    public var email: String
    /// Seconds since 1970-01-01 UTC.
    public var time: Int64
    /// Offset from UTC in minutes, as recorded.
    public var offsetMinutes: Int

    public init(name: String, email: String, time: Int64, offsetMinutes: Int) {
        self.name = name
        self.email = email
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    public var identity: Identity { Identity(name: name, email: email) }
}



extension Timestamp {
    /// The time of a signature, in the offset it was recorded in.
    public init(_ signature: GitSignature) { self.init(seconds: signature.time, offsetMinutes: signature.offsetMinutes) }
}
