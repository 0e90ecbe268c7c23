import Foundation

/// A whole compliance program, read from one source: configuration, catalogs and documents,
/// plus the findings met while reading them.
public struct Program: Sendable {
    public var source: String
    public var configuration: Configuration
    /// SOC 2 first, then custom frameworks by key.
    public var catalogs: [String: Catalog]
    public var controls: [Control] = []
    public var policies: [Policy] = []
    public var objectives: [Objective] = []
    public var systemSections: [SystemSection] = []
    /// The registers; each is optional. `people` is nil without `people/people.csv`.
    public var vendors: [Vendor] = []
    public var risks: [Risk] = []
    public var people: [Person]?
    /// SHA-256 (hex) of each file under `vendors/reports/`, by path.
    public var vendorReports: [String: String] = [:]
    /// Run records, `runs/<control-id>/<occurrence>.md`.
    public var runs: [RunRecord] = []
    /// SHA-256 (hex) of each other file under `runs/` (the runs' artefacts), by path.
    public var runArtifacts: [String: String] = [:]
    /// Artefacts present but not hashed (see `ProgramFile.Contents.unread`).
    public var unreadRunArtifacts: Set<String> = []
    /// Every program file read, by path.
    public var files: [String] = []
    /// Findings from reading the files (syntax, schema); rules add the rest.
    public var readFindings: [Finding] = []

    public var soc2Catalog: Catalog { catalogs[CriterionReference.soc2Key]! }

    /// Reads every program file of `source`. Never throws for a bad file (that is a finding);
    /// throws only when the source itself cannot be listed, or has no `vouch.yml`.
    public static func load(from source: some ProgramFileSource) throws -> Program {
        let files = try source.programFiles()
        guard files.contains(where: { $0.path == Configuration.fileName }) else {
            throw ProgramError.noConfiguration(source.displayName)
        }
        let decoded = decodeConcurrently(files)
        var program = Program(source: source.displayName, configuration: .fallback, catalogs: [CriterionReference.soc2Key: SOC2Catalog.catalog])
        program.files = files.map(\.path)
        for result in decoded {
            program.readFindings.append(contentsOf: result.findings)
            switch result.value {
            case .configuration(let configuration)?: program.configuration = configuration
            case .framework(let catalog)?:
                if catalog.key == CriterionReference.soc2Key {
                    program.readFindings.append(IDDuplicateRule.finding(
                        at: SourceLocation(file: result.path), "'soc2' is the built-in SOC 2 catalog; rename this framework file"))
                } else {
                    program.catalogs[catalog.key] = catalog
                }
            case .document(.control(let control))?: program.controls.append(control)
            case .document(.policy(let policy))?: program.policies.append(policy)
            case .document(.objective(let objective))?: program.objectives.append(objective)
            case .document(.systemSection(let section))?: program.systemSections.append(section)
            case .document(.vendor(let vendor))?: program.vendors.append(vendor)
            case .document(.risk(let risk))?: program.risks.append(risk)
            case .people(let people)?: program.people = people
            case .vendorReport(let digest)?: program.vendorReports[result.path] = digest
            case .document(.run(let record))?: program.runs.append(record)
            case .runArtifact(let digest)?: program.runArtifacts[result.path] = digest
            case .unreadRunArtifact?: program.unreadRunArtifacts.insert(result.path)
            case nil: break
            }
        }
        return program
    }

    private enum Decoded: Sendable {
        case configuration(Configuration)
        case framework(Catalog)
        case document(DocumentDecoder.Document)
        case people([Person])
        case vendorReport(sha256: String)
        case runArtifact(sha256: String)
        case unreadRunArtifact
    }

    private struct DecodeResult: Sendable {
        var path: String
        var value: Decoded?
        var findings: [Finding]
    }

    private static func decode(_ file: ProgramFile) -> DecodeResult {
        let role = ProgramLayout.role(of: file.path)
        if ProgramLayout.isHashedOnly(role) {
            let digest: String
            switch file.contents {
            case .refused(let error): return DecodeResult(path: file.path, value: nil, findings: [error.finding])
            case .unread: return DecodeResult(path: file.path, value: role == .runArtifact ? .unreadRunArtifact : nil, findings: [])
            case .sha256(let hex): digest = hex
            case .bytes(let bytes): digest = SHA256.hex(SHA256.hash(bytes))
            }
            return DecodeResult(path: file.path, value: role == .runArtifact ? .runArtifact(sha256: digest) : .vendorReport(sha256: digest), findings: [])
        }
        let read: Result<SourceText, FindingError>
        switch file.contents {
        case .bytes(let bytes): read = SourceText.decode(bytes, path: file.path)
        case .refused(let error): read = .failure(error)
        case .sha256, .unread: return DecodeResult(path: file.path, value: nil, findings: [])
        }
        let text: String
        switch read {
        case .failure(let error):
            // A configuration that cannot be read still leaves a usable (fallback) configuration.
            return DecodeResult(path: file.path, value: role == .configuration ? .configuration(.fallback) : nil, findings: [error.finding])
        case .success(let source): text = source.text
        }
        switch role {
        case nil:
            return DecodeResult(path: file.path, value: nil, findings: [])
        case .configuration:
            let (configuration, findings) = ConfigurationDecoder.decode(text, path: file.path)
            return DecodeResult(path: file.path, value: .configuration(configuration), findings: findings)
        case .framework(let key):
            let (catalog, findings) = FrameworkDecoder.decode(text, path: file.path, key: key)
            return DecodeResult(path: file.path, value: catalog.map(Decoded.framework), findings: findings)
        case .people:
            let (people, findings) = PeopleDecoder.decode(text, path: file.path)
            return DecodeResult(path: file.path, value: .people(people), findings: findings)
        case .vendorReport, .runArtifact: return DecodeResult(path: file.path, value: nil, findings: [])
        case .some(let documentRole):
            let (document, findings) = DocumentDecoder.decode(text, path: file.path, role: documentRole)
            return DecodeResult(path: file.path, value: document.map(Decoded.document), findings: findings)
        }
    }

    /// YAML parsing dominates lint time on large programs, and files are independent.
    private static func decodeConcurrently(_ files: [ProgramFile]) -> [DecodeResult] {
        guard files.count > 32 else { return files.map(decode) }
        return WorkerThread.map(files.count) { decode(files[$0]) }
    }
}

/// Why a program could not be read at all (as opposed to a finding in one of its files).
public enum ProgramError: VouchError, Sendable, CustomStringConvertible {
    case noConfiguration(String)
    case notFound(String)
    /// `--staged` outside a git work tree (the index belongs to one).
    case notInWorkTree(String)
    /// `--staged` found no staged `vouch.yml` (the path searched from, relative to the repository).
    case notStaged(String)

    public var description: String {
        switch self {
        case .noConfiguration(let place):
            "no vouch.yml in \(place); run 'vouch init' to start a program there, or pass --root"
        case .notFound(let start):
            "no vouch.yml found in \(start) or any folder above it; run 'vouch init' to start a program, or pass --root DIR"
        case .notInWorkTree(let place):
            "\(place) is not inside a git work tree; --staged reads git's index, so run it in a repository (or drop --staged)"
        case .notStaged(let place):
            "no vouch.yml is staged in \(place.isEmpty ? "the repository root" : place) or any folder above it; 'git add vouch.yml' first, or pass --root DIR"
        }
    }
}
