import VouchKit

/// A failure of the command line's own (an output file that cannot be written, an approval by
/// the change's author): exit 2 with its message, like the library's errors.
struct CommandFailure: VouchError {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
