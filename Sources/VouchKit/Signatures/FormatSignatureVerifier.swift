/// A verifier of one signature format against the keys a repository trusts. Values, immutable
/// and `Sendable`, so every judging thread of a walk can use the same one.
public protocol FormatSignatureVerifier: Sendable {
    func verify(signature: [UInt8], payload: [UInt8], context: SignatureContext) -> SignatureCheck
}
