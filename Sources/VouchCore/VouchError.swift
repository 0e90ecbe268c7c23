/// An error Vouch reports to the person who ran it: `description` says what is wrong and how to
/// fix it, `exitStatus` how the command ends. Every error the library throws conforms, so the
/// command line turns errors into messages and statuses in one place.
public protocol VouchError: Error, CustomStringConvertible {
    var exitStatus: ExitStatus { get }
}

extension VouchError {
    /// An error stops the command before it could do what was asked.
    public var exitStatus: ExitStatus { .failure }
}
