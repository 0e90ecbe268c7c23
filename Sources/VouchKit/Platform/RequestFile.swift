import Foundation

/// A `--from` file: JSON Lines, one merged request a line, each object exactly as the platform's
/// REST endpoints return it (GitHub: `{"pull", "reviews", "commits"}`; GitLab:
/// `{"merge_request", "approvals", "commits"}`).
public enum RequestFile {
    /// A line that is not such an object.
    public struct Problem: Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "\(file):\(line):\(column): \(message)" }
    }

    /// Every request of the file, or every line that could not be read (nothing is imported from
    /// a file with a bad line: its requests' changes would be reported as direct pushes).
    public static func read(_ bytes: [UInt8], file: String, platform: ReviewPlatform) -> Result<[MergedRequest], RequestFileError> {
        var requests: [MergedRequest] = []
        var problems: [Problem] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do {
                let data = Data(line)
                switch platform {
                case .github:
                    let object = try decoder.decode(GitHubObjects.ImportLine.self, from: data)
                    requests.append(GitHubObjects.request(pull: object.pull, reviews: object.reviews, commits: object.commits))
                case .gitlab:
                    let object = try decoder.decode(GitLabObjects.ImportLine.self, from: data)
                    requests.append(GitLabObjects.request(mergeRequest: object.merge_request, approvals: object.approvals, commits: object.commits))
                }
            } catch {
                problems.append(Problem(file: file, line: lineNumber, column: 1, message: describe(error, platform: platform)))
            }
        }
        return problems.isEmpty ? .success(requests) : .failure(RequestFileError(problems: problems))
    }

    private static func describe(_ error: Error, platform: ReviewPlatform) -> String {
        let shape = platform == .github ? "{\"pull\": …, \"reviews\": […], \"commits\": […]}" : "{\"merge_request\": …, \"approvals\": …, \"commits\": […]}"
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath + [key]))'; each line is \(shape) as the REST API returns them"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "field '\(path(context.codingPath))' has the wrong type; each line is \(shape) as the REST API returns them"
        default:
            return "not a JSON object; each line is \(shape) as the REST API returns them"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
    }
}

/// The lines of a `--from` file that could not be read.
public struct RequestFileError: VouchError, Sendable {
    public var problems: [RequestFile.Problem]
    public var description: String {
        problems.map(\.description).joined(separator: "\n") + "\nnothing was imported"
    }
}
