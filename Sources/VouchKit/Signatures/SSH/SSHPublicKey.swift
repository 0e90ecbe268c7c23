import Crypto
import CryptoExtras
import Foundation

/// An SSH public key, read from its wire encoding (the blob inside an SSH signature, or the
/// base64 of an allowed-signers line): Ed25519, ECDSA on NIST P-256, P-384 and P-521, or RSA.
public struct SSHPublicKey: Sendable, Hashable {
    /// The key type (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`, …).
    public let type: String
    /// The key's wire encoding: what fingerprints hash and what keys are compared by.
    public let blob: [UInt8]
    private let key: Key

    private enum Key: Sendable {
        case ed25519(Curve25519.Signing.PublicKey)
        case p256(P256.Signing.PublicKey)
        case p384(P384.Signing.PublicKey)
        case p521(P521.Signing.PublicKey)
        case rsa(_RSA.Signing.PublicKey)
    }

    /// Why a key cannot be used.
    public struct Unusable: Error, Sendable, Hashable {
        public var reason: String
        /// A key Vouch cannot verify with at all (security keys, certificates, small RSA keys),
        /// as opposed to a malformed one.
        public var unsupported: Bool
    }

    /// Reads a key from its wire encoding.
    public init(blob: [UInt8]) throws(Unusable) {
        var reader = SSHWireReader(blob)
        guard let type = reader.text() else { throw Unusable(reason: "the key has no type", unsupported: false) }
        self.type = type
        self.blob = blob
        let malformed = Unusable(reason: "malformed \(type) key", unsupported: false)
        switch type {
        case "ssh-ed25519":
            guard let raw = reader.string(), raw.count == 32, reader.isAtEnd,
                  let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { throw malformed }
            self.key = .ed25519(key)
        case "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521":
            let curve = String(type.dropFirst("ecdsa-sha2-".count))
            guard reader.text() == curve, let point = reader.string(), reader.isAtEnd else { throw malformed }
            do {
                switch curve {
                case "nistp256": self.key = .p256(try P256.Signing.PublicKey(x963Representation: point))
                case "nistp384": self.key = .p384(try P384.Signing.PublicKey(x963Representation: point))
                default: self.key = .p521(try P521.Signing.PublicKey(x963Representation: point))
                }
            } catch {
                throw malformed
            }
        case "ssh-rsa":
            guard let exponent = reader.unsignedInteger(), let modulus = reader.unsignedInteger(), reader.isAtEnd else { throw malformed }
            guard modulus.count * 8 >= 2048 else { throw Unusable(reason: "RSA keys shorter than 2048 bits are not accepted", unsupported: true) }
            do {
                self.key = .rsa(try _RSA.Signing.PublicKey(n: modulus, e: exponent))
            } catch {
                throw malformed
            }
        default:
            throw Unusable(reason: "\(type) keys are not supported (security-key and certificate signatures cannot be verified)", unsupported: true)
        }
    }

    /// Reads a key written as OpenSSH writes it: `TYPE BASE64`.
    public init(type: String, base64: String) throws(Unusable) {
        guard let data = Data(base64Encoded: base64) else { throw Unusable(reason: "the key is not valid base64", unsupported: false) }
        try self.init(blob: Array(data))
        guard self.type == type else { throw Unusable(reason: "the key is written as \(type) but holds a \(self.type) key", unsupported: false) }
    }

    /// `SHA256:` and the unpadded base64 of the SHA-256 of the blob, as `ssh-keygen -l` prints it.
    public var fingerprint: String { Self.fingerprint(of: blob) }

    /// The fingerprint of a key's wire encoding, whether or not Vouch can use the key.
    public static func fingerprint(of blob: [UInt8]) -> String {
        "SHA256:" + Data(Crypto.SHA256.hash(data: blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    public static func == (lhs: SSHPublicKey, rhs: SSHPublicKey) -> Bool { lhs.blob == rhs.blob }

    public func hash(into hasher: inout Hasher) { hasher.combine(blob) }

    /// Whether `signature` (an SSH signature: its algorithm name and blob) is this key's
    /// signature of `data`. Fails with the reason when it is not.
    func verify(signature: [UInt8], of data: [UInt8]) -> Result<Void, Unusable> {
        var reader = SSHWireReader(signature)
        guard let algorithm = reader.text(), let raw = reader.string(), reader.isAtEnd else {
            return .failure(Unusable(reason: "the signature is malformed", unsupported: false))
        }
        let valid: Bool
        switch key {
        case .ed25519(let key):
            guard algorithm == "ssh-ed25519" else { return .failure(Self.mismatch(algorithm, type)) }
            valid = key.isValidSignature(raw, for: data)
        case .p256(let key):
            guard algorithm == type, let signature = Self.ecdsa(raw, size: 32).flatMap({ try? P256.Signing.ECDSASignature(rawRepresentation: $0) }) else { return .failure(Self.mismatch(algorithm, type)) }
            valid = key.isValidSignature(signature, for: data)
        case .p384(let key):
            guard algorithm == type, let signature = Self.ecdsa(raw, size: 48).flatMap({ try? P384.Signing.ECDSASignature(rawRepresentation: $0) }) else { return .failure(Self.mismatch(algorithm, type)) }
            valid = key.isValidSignature(signature, for: data)
        case .p521(let key):
            guard algorithm == type, let signature = Self.ecdsa(raw, size: 66).flatMap({ try? P521.Signing.ECDSASignature(rawRepresentation: $0) }) else { return .failure(Self.mismatch(algorithm, type)) }
            valid = key.isValidSignature(signature, for: data)
        case .rsa(let key):
            let signature = _RSA.Signing.RSASignature(rawRepresentation: raw)
            switch algorithm {
            case "rsa-sha2-256": valid = key.isValidSignature(signature, for: Crypto.SHA256.hash(data: data), padding: .insecurePKCS1v1_5)
            case "rsa-sha2-512": valid = key.isValidSignature(signature, for: Crypto.SHA512.hash(data: data), padding: .insecurePKCS1v1_5)
            case "ssh-rsa": return .failure(Unusable(reason: "RSA signatures with SHA-1 (ssh-rsa) are not accepted", unsupported: false))
            default: return .failure(Self.mismatch(algorithm, type))
            }
        }
        return valid ? .success(()) : .failure(Unusable(reason: "the signature does not match the signed content", unsupported: false))
    }

    private static func mismatch(_ algorithm: String, _ type: String) -> Unusable {
        Unusable(reason: "a \(algorithm) signature cannot come from a \(type) key", unsupported: false)
    }

    /// An SSH ECDSA signature blob (`mpint r`, `mpint s`) as the fixed-size `r || s` swift-crypto reads.
    private static func ecdsa(_ blob: [UInt8], size: Int) -> [UInt8]? {
        var reader = SSHWireReader(blob)
        guard let r = reader.unsignedInteger(), let s = reader.unsignedInteger(), reader.isAtEnd, r.count <= size, s.count <= size else { return nil }
        return [UInt8](repeating: 0, count: size - r.count) + r + [UInt8](repeating: 0, count: size - s.count) + s
    }
}
