/// The kind of signature on a commit or an approval, told by its armor.
public enum SignatureFormat: String, Sendable, Hashable, CaseIterable {
    /// `-----BEGIN PGP SIGNATURE-----` (GnuPG and every other OpenPGP implementation).
    case openpgp
    /// `-----BEGIN SSH SIGNATURE-----` (git's `gpg.format ssh`: OpenSSH's SSHSIG).
    case ssh
    /// `-----BEGIN SIGNED MESSAGE-----` or `-----BEGIN PKCS7-----` (gpgsm, smimesign).
    case x509
    /// A signature whose armor Vouch does not recognise.
    case unknown

    /// The format of a signature given its first line (or the whole armor); nil when empty.
    public init?(armor: String?) {
        guard let armor, !armor.isEmpty else { return nil }
        if armor.contains("-----BEGIN PGP SIGNATURE-----") {
            self = .openpgp
        } else if armor.contains("-----BEGIN SSH SIGNATURE-----") {
            self = .ssh
        } else if armor.contains("-----BEGIN SIGNED MESSAGE-----") || armor.contains("-----BEGIN PKCS7-----") {
            self = .x509
        } else {
            self = .unknown
        }
    }
}
