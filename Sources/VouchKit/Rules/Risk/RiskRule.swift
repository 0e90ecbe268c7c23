/// A rule over the risk register, `risks/*.md`: a program rule kept in a folder of its own.
public protocol RiskRule: ProgramRule {}
