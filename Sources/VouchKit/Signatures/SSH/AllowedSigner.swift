/// One line of an allowed-signers file (git's `gpg.ssh.allowedSignersFile`, ssh-keygen's
/// ALLOWED SIGNERS): who the key is (a pattern list of principals, usually emails), what it may
/// sign (`namespaces=`) and when (`valid-after=`, `valid-before=`).
public struct AllowedSigner: Sendable, Hashable {
    public var principals: SSHPatternList
    public var key: SSHPublicKey
    /// `namespaces="…"`: the namespaces the key may sign in; nil: any.
    public var namespaces: SSHPatternList?
    /// `valid-after=` and `valid-before=`, in seconds since 1970 UTC.
    public var validAfter: Int64?
    public var validBefore: Int64?
    /// The line of the file it was read from.
    public var line: Int

    public init(principals: SSHPatternList, key: SSHPublicKey, namespaces: SSHPatternList? = nil, validAfter: Int64? = nil, validBefore: Int64? = nil, line: Int) {
        self.principals = principals
        self.key = key
        self.namespaces = namespaces
        self.validAfter = validAfter
        self.validBefore = validBefore
        self.line = line
    }

    /// Whether the key was valid at `time`, as ssh-keygen judges it with `-Overify-time`
    /// (both bounds inclusive).
    public func isValid(at time: Int64) -> Bool {
        if let validAfter, time < validAfter { return false }
        if let validBefore, time > validBefore { return false }
        return true
    }
}
