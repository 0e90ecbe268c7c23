/// A rule reported while a file is read: the file itself, its front matter, its YAML, its schema.
///
/// The readers (Parsing/, Program/) find these problems as they go and report them with
/// `SomeReadRule.finding(at:_:)`; the rule itself holds only its description.
public protocol ReadRule: Rule {}
