/// How a command ends: the contract every command keeps and the README states.
public enum ExitStatus: Int32, Sendable {
    /// Nothing to report.
    case clean = 0
    /// Findings (or exceptions) that fail the command.
    case findings = 1
    /// The command could not run as asked: usage, configuration or environment error.
    case failure = 2
}
