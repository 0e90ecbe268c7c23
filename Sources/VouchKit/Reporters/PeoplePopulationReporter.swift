/// A people population (and its sample) as text, JSON or CSV.
public enum PeoplePopulationReporter {
    /// - Parameter sample: the sampled people and the seed, when a sample was drawn.
    public static func render(_ population: PeoplePopulation, sample: (people: [Person], seed: String)?, format: PeopleFormat) -> String {
        let listed = sample?.people ?? population.people
        switch format {
        case .csv:
            return CSV.document(header: ["name", "email", "role", "team", "start", "end"], rows: listed.map(row))
        case .json:
            var members: [(String, JSONValue)] = [
                ("population", .string(population.kind.rawValue)),
                ("period", .object([("start", .string(population.period.start.description)), ("end", .string(population.period.end.description))])),
                ("size", .int(population.people.count)),
            ]
            if let sample {
                members.append(("sample", .object([
                    ("size", .int(sample.people.count)), ("seed", .string(sample.seed)), ("algorithm", .string(PeoplePopulation.algorithm)),
                ])))
            }
            members.append(("people", .array(listed.map { person in
                .object(zip(["name", "email", "role", "team", "start", "end"], row(person)).map { ($0.0, $0.1.isEmpty ? JSONValue.null : .string($0.1)) })
            })))
            return JSONValue.object(members).serialized() + "\n"
        case .text:
            var lines = ["\(population.kind.rawValue.capitalized) \(population.period.start) to \(population.period.end): \(population.people.count) \(population.people.count == 1 ? "person" : "people")"]
            if let sample {
                lines.append("Sample of \(sample.people.count), seed '\(sample.seed)' (\(PeoplePopulation.algorithm)):")
            }
            for person in listed {
                let cells = row(person)
                lines.append("  \(cells[0]) <\(cells[1])>  \(cells[2])\(cells[3].isEmpty ? "" : ", \(cells[3])")  start \(cells[4])\(cells[5].isEmpty ? "" : "  end \(cells[5])")")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func row(_ person: Person) -> [String] {
        [person.name.value, person.email.value, person.role, person.team, person.start?.value.description ?? "", person.end?.value.description ?? ""]
    }
}
