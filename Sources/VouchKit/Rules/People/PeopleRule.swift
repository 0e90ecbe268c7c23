/// A rule over the roster, `people/people.csv`, and the policy acknowledgements of the people on it.
public protocol PeopleRule: ProgramRule {}
