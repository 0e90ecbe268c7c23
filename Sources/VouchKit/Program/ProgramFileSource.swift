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
        // Asked for every file a source lists, tens of thousands on a large program: read by
        // bytes, with no split and no copies (a framework's key is the one string made).
        Text.withUTF8(path) { role(ofPath: $0) }
    }

    private static func role(ofPath path: UnsafeBufferPointer<UInt8>) -> Role? {
        if path.elementsEqual(Configuration.fileName.utf8) { return .configuration }
        if path.elementsEqual(peopleFile.utf8) { return .people }
        // The non-empty components between slashes: how many, the first and the last.
        var count = 0, first = 0..<0, last = 0..<0, start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if index > start {
                if count == 0 { first = start..<index }
                last = start..<index
                count += 1
            }
            start = index + 1
        }
        guard count >= 2 else { return nil }
        let name = UnsafeBufferPointer(rebasing: path[last])
        let top = UnsafeBufferPointer(rebasing: path[first])
        if path.starts(with: vendorReportsFolder.utf8) { return name[0] == UInt8(ascii: ".") ? nil : .vendorReport }
        if name[0] == UInt8(ascii: ".") || name[0] == UInt8(ascii: "_") { return nil }
        let isMarkdown = name.count >= 3 && Text.equalIgnoringCase(UnsafeBufferPointer(rebasing: name[(name.count - 3)...]), ".md")
        let isReadme = Text.equalIgnoringCase(name, "readme.md")
        if top.elementsEqual(runsFolder.utf8) {
            guard count >= 3 else { return nil }
            return count == 3 && name.ends(with: ".md") && !isReadme ? .run : .runArtifact
        }
        if top.elementsEqual(frameworksFolder.utf8) {
            guard count == 2 else { return nil }
            for suffix in [".yml", ".yaml"] where name.ends(with: suffix) {
                return .framework(key: String(decoding: name.dropLast(suffix.utf8.count), as: UTF8.self).lowercased())
            }
            return nil
        }
        guard isMarkdown, !isReadme else { return nil }
        switch String(decoding: top, as: UTF8.self) {
        case "controls": return .control
        case "policies": return .policy
        case "objectives": return .objective
        case "system": return .systemSection
        case "vendors" where count == 2: return .vendor
        case "risks" where count == 2: return .risk
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
        maximumSize(of: role(of: path))
    }

    /// The largest file of a role.
    public static func maximumSize(of role: Role?) -> Int {
        switch role {
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

private extension UnsafeBufferPointer<UInt8> {
    func ends(with suffix: String) -> Bool {
        count >= suffix.utf8.count && self[(count - suffix.utf8.count)...].elementsEqual(suffix.utf8)
    }
}
