import Foundation
import VouchKit

enum Terminal {
    /// Colour only when writing to a terminal, and never when NO_COLOR is set (no-color.org).
    static func style(for handle: Int32 = STDOUT_FILENO) -> TextStyle {
        let environment = ProcessInfo.processInfo.environment
        let disabled = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TextStyle(color: !disabled && isatty(handle) == 1 && environment["TERM"] != "dumb")
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("vouch: error: \(Redaction.text(message))\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("vouch: warning: \(Redaction.text(message))\n".utf8))
    }

    /// Writes to `--output FILE` when given, else standard output.
    static func emit(_ text: String, to output: String?) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(output): \(error.localizedDescription)")
        }
    }
}
