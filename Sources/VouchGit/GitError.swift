internal import CLibGit2
import VouchCore

/// A libgit2 call that failed, with libgit2's own message (`git_error_last()`).
public struct GitError: VouchError, Sendable, CustomStringConvertible {
    /// The libgit2 return code (`GIT_ENOTFOUND`, …).
    public var code: Int32
    /// What was being done, in Vouch's words.
    public var operation: String
    /// libgit2's message for the failure.
    public var message: String

    public var description: String { "\(operation): \(message)" }

    public var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }

    /// Checks a libgit2 return code; negative codes become a `GitError`.
    @discardableResult
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
        guard code < 0 else { return code }
        var message = "libgit2 error \(code)"
        if let last = git_error_last(), let text = last.pointee.message {
            message = String(cString: text)
        }
        throw GitError(code: code, operation: operation(), message: message)
    }
}
