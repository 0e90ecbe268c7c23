/// A rule over the run records of `runs/` and the occurrences periodic controls are expected to
/// operate in (`LintContext.runs`): a program rule kept in a folder of its own.
public protocol RunRule: ProgramRule {}
