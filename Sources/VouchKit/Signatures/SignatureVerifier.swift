/// Verifies signatures of every format against the keys committed in the repository: SSH
/// signatures against the allowed signers (`change_management.allowed_signers`), OpenPGP ones
/// through `openPGP` (`SignatureKeys.read` gives it the keyring, `change_management.keyring`,
/// or none). An OpenPGP signature without an `openPGP` verifier is `unsupported`: nothing can be
/// said about its key, and `unknown-key` would claim it was looked for. X.509 and unrecognised
/// armors are `unsupported` too.
public struct SignatureVerifier: Sendable {
    public var ssh: SSHSignatureVerifier
    public var openPGP: (any FormatSignatureVerifier)?

    public init(ssh: SSHSignatureVerifier = SSHSignatureVerifier(), openPGP: (any FormatSignatureVerifier)? = nil) {
        self.ssh = ssh
        self.openPGP = openPGP
    }

    public func verify(format: SignatureFormat, signature: [UInt8], payload: [UInt8], context: SignatureContext) -> SignatureCheck {
        switch format {
        case .ssh:
            return ssh.verify(signature: signature, payload: payload, context: context)
        case .openpgp:
            return openPGP?.verify(signature: signature, payload: payload, context: context)
                ?? SignatureCheck(format: .openpgp, status: .unsupported, detail: "OpenPGP signatures are not verified by this build")
        case .x509:
            return SignatureCheck(format: .x509, status: .unsupported, detail: "X.509 signatures are not verified")
        case .unknown:
            return SignatureCheck(format: .unknown, status: .unsupported, detail: "the signature's armor is not one Vouch knows")
        }
    }
}
