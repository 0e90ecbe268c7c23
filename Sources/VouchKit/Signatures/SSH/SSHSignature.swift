import Crypto
import Foundation

/// An SSH signature in OpenSSH's SSHSIG format (PROTOCOL.sshsig), what `ssh-keygen -Y sign`
/// writes and git stores in a commit's `gpgsig` header: the armored blob `SSHSIG`, version 1,
/// the public key, the namespace, a reserved string, the hash algorithm and the signature.
public struct SSHSignature: Sendable {
    public static let beginMarker = "-----BEGIN SSH SIGNATURE-----"
    public static let endMarker = "-----END SSH SIGNATURE-----"
    private static let magic = Array("SSHSIG".utf8)

    /// The signing key's wire encoding.
    public let publicKey: [UInt8]
    public let namespace: String
    public let reserved: [UInt8]
    /// `sha256` or `sha512`: what the signed message was hashed with.
    public let hashAlgorithm: String
    /// The signature proper: its algorithm name and blob.
    public let signature: [UInt8]

    public struct Malformed: Error, Sendable, Hashable {
        public var reason: String
    }

    /// Reads an armored signature (`-----BEGIN SSH SIGNATURE-----`, base64, `-----END SSH SIGNATURE-----`).
    public init(armor: [UInt8]) throws(Malformed) {
        let text = String(decoding: armor, as: UTF8.self)
        guard let begin = text.range(of: Self.beginMarker), text[..<begin.lowerBound].allSatisfy(\.isWhitespace) else {
            throw Malformed(reason: "it does not start with \(Self.beginMarker)")
        }
        guard let end = text.range(of: Self.endMarker, range: begin.upperBound..<text.endIndex),
              text[end.upperBound...].allSatisfy(\.isWhitespace) else { throw Malformed(reason: "it does not end with \(Self.endMarker)") }
        let body = text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: String(body)) else { throw Malformed(reason: "its body is not valid base64") }
        try self.init(blob: Array(data))
    }

    /// Reads the binary blob inside the armor.
    public init(blob: [UInt8]) throws(Malformed) {
        var reader = SSHWireReader(blob)
        guard reader.raw(Self.magic.count).map(Array.init) == Self.magic else { throw Malformed(reason: "it lacks the SSHSIG preamble") }
        guard let version = reader.uint32() else { throw Malformed(reason: "it is truncated") }
        guard version == 1 else { throw Malformed(reason: "SSHSIG version \(version) is unknown") }
        guard let publicKey = reader.string(), let namespace = reader.text(), let reserved = reader.string(),
              let hashAlgorithm = reader.text(), let signature = reader.string() else { throw Malformed(reason: "it is truncated") }
        guard reader.isAtEnd else { throw Malformed(reason: "it has bytes after the signature") }
        self.publicKey = publicKey
        self.namespace = namespace
        self.reserved = reserved
        self.hashAlgorithm = hashAlgorithm
        self.signature = signature
    }

    /// What the key signed for `message`: the preamble, namespace, reserved string, hash
    /// algorithm and the message's hash, each as an SSH string; nil for an unknown hash algorithm.
    func signedData(for message: [UInt8]) -> [UInt8]? {
        let digest: [UInt8]
        switch hashAlgorithm {
        case "sha256": digest = Array(Crypto.SHA256.hash(data: message))
        case "sha512": digest = Array(Crypto.SHA512.hash(data: message))
        default: return nil
        }
        return Self.magic + SSHWireReader.string(Array(namespace.utf8)) + SSHWireReader.string(reserved)
            + SSHWireReader.string(Array(hashAlgorithm.utf8)) + SSHWireReader.string(digest)
    }
}
