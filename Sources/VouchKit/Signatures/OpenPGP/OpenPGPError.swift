/// Why a keyring could not be loaded or a verifier set up. Each case says what is wrong and how
/// to fix it; the command line exits with status 2.
public enum OpenPGPError: VouchError, Sendable, Hashable, CustomStringConvertible {
    /// The keyring file is not a set of armored OpenPGP public keys. `line` is 1-based, when the
    /// fault can be placed.
    case keyring(path: String, line: Int?, reason: String)
    /// RNP refused an operation; `message` is RNP's own text for `code` (`rnp_result_to_string`).
    case library(operation: String, code: UInt32, message: String)

    public var description: String {
        switch self {
        case .keyring(let path, let line, let reason):
            let place = line.map { "\(path):\($0)" } ?? path
            return "\(place): \(reason); the keyring holds armored public keys ('gpg --armor --export KEY-ID' writes one)"
        case .library(let operation, let code, let message):
            return "OpenPGP (RNP) \(operation) failed: \(message) (0x\(String(code, radix: 16)))"
        }
    }
}
