enum VouchVersion {
    static let current = "0.1.0"
    /// Where people learn about Vouch; code scanning tools link to it.
    static let homepage = "https://github.com/vouch-controls/vouch"
}
