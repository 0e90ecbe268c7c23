/// A program together with the git repository around it: what `vouch evidence` and
/// `vouch approve` work on (see `Workspace.gitProgram`).
public struct GitProgram {
    public var repository: Repository
    /// Nil only for `vouch approve` outside any program.
    public var program: Program?
    /// The program's folder inside the repository ("" or "a/b/"); nil when the program is kept
    /// in another repository (`--repository`).
    public var programPrefix: String?

    public init(repository: Repository, program: Program?, programPrefix: String?) {
        self.repository = repository
        self.program = program
        self.programPrefix = programPrefix
    }

    /// vouch.yml must be readable for its settings to be trusted.
    public func requireUsableConfiguration() throws -> Program {
        guard let program else { throw WorkspaceError.noConfiguration }
        let problems = program.readFindings.filter { $0.file == Configuration.fileName && $0.severity == .error }
        guard problems.isEmpty else {
            throw WorkspaceError.unusableConfiguration(errors: problems.count, firstLine: problems[0].line, firstMessage: problems[0].message)
        }
        return program
    }
}
