/// One file of a program, as a source hands it over: its bytes, or why it was refused unread.
public struct ProgramFile: Sendable {
    public enum Contents: Sendable {
        case bytes([UInt8])
        /// Why the file was refused unread: a link leaving the repository, too large, unreadable.
        case refused(FindingError)
        /// A file read only for its hash (a vendor's report, a run's artefact), hashed as it was
        /// read: tens of thousands of artefacts would otherwise sit in memory until decoded.
        case sha256(String)
        /// A run artefact that is there but was not read: a staged snapshot's artefact whose blob
        /// is the one the last commit holds when no staged change to a run record names it (what
        /// that commit was checked against still holds; a full `vouch lint` hashes every
        /// artefact), or any artefact for a command that needs only the records (`vouch runs`).
        case unread
    }

    public var path: String
    public var contents: Contents

    public init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, contents: Result<[UInt8], FindingError>) {
        switch contents {
        case .success(let bytes): self.init(path: path, contents: .bytes(bytes))
        case .failure(let error): self.init(path: path, contents: .refused(error))
        }
    }

    /// The bytes, when the source read and kept them.
    public var bytes: [UInt8]? {
        if case .bytes(let bytes) = contents { bytes } else { nil }
    }
}

/// Where program files come from: a directory, git's index (`--staged`), a commit's tree
/// (`--rev`), or memory (tests and rule examples). The linter does not care which.
public protocol ProgramFileSource {
    /// How the program's root is shown to people (a directory path, `:staged`, a commit id).
    var displayName: String { get }
    /// Every candidate program file (see `ProgramLayout`), sorted by path.
    func programFiles() throws -> [ProgramFile]
}

/// Which files belong to a program, by path relative to its root.
public enum ProgramLayout {
    public static let documentFolders = ["controls", "policies", "objectives", "system", "vendors", "risks"]
    /// The registers kept beside the documents: the roster, and the vendors' report files.
    public static let peopleFile = "people/people.csv"
    public static let vendorReportsFolder = "vendors/reports/"
    public static let frameworksFolder = "frameworks"
    public static let peopleFolder = "people"
    /// Every top-level folder that can hold program files.
    /// Run records and their artefacts: `runs/<control-id>/<occurrence>.md`, files beside them.
    public static let runsFolder = "runs"
    public static let folders = documentFolders + [frameworksFolder, peopleFolder, runsFolder]

    public enum Role: Sendable, Equatable {
        case configuration
        case framework(key: String)
        case control, policy, objective, systemSection
        case vendor, risk
        /// `people/people.csv`, the roster.
        case people
        /// A vendor's report file under `vendors/reports/`, read only for its hash.
        case vendorReport
        /// `runs/<control-id>/<occurrence>.md`, a run record.
        case run
        /// Any other file under `runs/`: a run's artefact, read only for its hash.
        case runArtifact
    }

    /// The role of a path, or nil when the path is not part of the program.
    ///
    /// Markdown directly under vendors/ and risks/, and anywhere under the four other document folders, is a program document, except `README.md` and names
    /// starting with `.` or `_`, which are left for people. Frameworks are `frameworks/<key>.yml`.
    public static func role(of path: String) -> Role? {
        if path == Configuration.fileName { return .configuration }
        if path == peopleFile { return .people }
        // Asked several times for each of tens of thousands of files, so one split and no
        // lower-cased copies.
        let components = path.split(separator: "/")
        guard components.count >= 2, let name = components.last else { return nil }
        if path.hasPrefix(vendorReportsFolder) { return name.hasPrefix(".") ? nil : .vendorReport }
        if name.hasPrefix(".") || name.hasPrefix("_") { return nil }
        let isMarkdown = name.utf8.count >= 3 && Text.equalIgnoringCase(String(name.suffix(3)), ".md")
        let isReadme = Text.equalIgnoringCase(String(name), "readme.md")
        if components[0] == runsFolder {
            guard components.count >= 3 else { return nil }
            return components.count == 3 && name.hasSuffix(".md") && !isReadme ? .run : .runArtifact
        }
        if components[0] == frameworksFolder {
            guard components.count == 2 else { return nil }
            for suffix in [".yml", ".yaml"] where name.hasSuffix(suffix) {
                return .framework(key: String(name.dropLast(suffix.count)).lowercased())
            }
            return nil
        }
        guard isMarkdown, !isReadme else { return nil }
        switch components[0] {
        case "controls": return .control
        case "policies": return .policy
        case "objectives": return .objective
        case "system": return .systemSection
        case "vendors" where components.count == 2: return .vendor
        case "risks" where components.count == 2: return .risk
        default: return nil
        }
    }

    /// Whether files of this role are read only for their SHA-256 (vendors' reports, runs'
    /// artefacts), never as text.
    public static func isHashedOnly(_ role: Role?) -> Bool {
        role == .vendorReport || role == .runArtifact
    }

    /// A folder inside the repository as a path prefix: "" for the root ("" or "."), else "a/b/".
    public static func folderPrefix(_ folder: String) -> String {
        folder.isEmpty || folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// The largest file a path may hold: a roster of thousands and a vendor's report outgrow the
    /// limit meant for hand-written documents.
    public static func maximumSize(of path: String) -> Int {
        switch role(of: path) {
        case .people?: 64 << 20
        case .vendorReport?: 256 << 20
        case .runArtifact?: RunArtifact.maximumSize
        default: SourceText.maximumSize
        }
    }

    /// Whether a folder (relative path) can hold program files, so sources skip everything else.
    public static func isProgramFolder(_ path: String) -> Bool {
        let top = path.split(separator: "/").first.map(String.init) ?? path
        return folders.contains(top)
    }
}

/// Program files held in memory, for tests, rule examples and callers that build programs.
public struct MemoryFileSource: ProgramFileSource {
    public var files: [String: String]
    public var displayName: String

    public init(_ files: [String: String], displayName: String = "(memory)") {
        self.files = files
        self.displayName = displayName
    }

    public func programFiles() -> [ProgramFile] {
        files.keys.sorted().filter { ProgramLayout.role(of: $0) != nil }.map {
            ProgramFile(path: $0, contents: .success(Array(files[$0]!.utf8)))
        }
    }
}
