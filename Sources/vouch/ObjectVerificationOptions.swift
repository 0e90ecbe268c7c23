import ArgumentParser
import VouchKit

/// `--no-verify-objects` for the commands that read with object hashes checked by default
/// (export, verify): what they produce or confirm goes to an auditor.
struct ObjectVerificationOptions: ParsableArguments {
    @Flag(name: .customLong("no-verify-objects"), help: "Read objects without hashing them again to check their ids (faster; the manifest records it).")
    var noVerifyObjects = false

    /// Sets the process-wide switch; call before the repository is read.
    func apply() { ObjectVerification.enable(!noVerifyObjects) }
}
