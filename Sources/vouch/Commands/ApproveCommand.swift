import ArgumentParser
import Foundation
import VouchKit

/// The kinds of approval a person records with `vouch approve`.
enum ApproveKind: String, ExpressibleByArgument, CaseIterable {
    case approved, reviewed

    var approvalKind: ApprovalKind { self == .approved ? .approved : .reviewed }
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record your approval of a change as a git note on refs/notes/vouch.",
        discussion: """
            Appends an 'Approved-by: NAME <EMAIL>' (or 'Reviewed-by:') trailer, with your git identity \
            (user.name, user.email), to the note of the commit on refs/notes/vouch. The commit and the \
            branch are not changed. Refuses when you are an author or co-author of the change (after .mailmap). \
            Push the notes so the evidence everywhere includes it: git push origin refs/notes/vouch
            Exit status: 0 recorded (or already recorded), 2 refused, usage or environment error.
            """
    )

    @Argument(help: ArgumentHelp("The commit to approve (an id, a branch, HEAD~2, …).", valueName: "rev"))
    var revision: String

    @Option(help: "What you did: approved the change, or reviewed it.")
    var kind: ApproveKind = .approved

    @Option(help: ArgumentHelp("A comment stored with the approval.", valueName: "text"))
    var message: String?

    @Flag(help: "Sign the approval with your key, as git signs commits (gpg.format, user.signingkey).")
    var sign = false

    @OptionGroup var program: ProgramOptions

    func run() throws {
        let located = try program.workspace.gitProgram(revision: nil, programRequired: false)
        let repository = located.repository
        let commitID: ObjectID
        do {
            commitID = try repository.resolveCommit(revision)
        } catch let error as GitError {
            throw CommandFailure("'\(revision)' does not name a commit: \(error.message)")
        }
        guard let approver = try repository.configuredIdentity() else {
            throw CommandFailure("git does not know who you are; set it with: git config user.name 'Your Name' && git config user.email you@example.com")
        }
        let branch = located.program?.configuration.changeManagement.branch
        let tip = try BranchTip.commit(named: branch, in: repository) ?? repository.resolveCommit("HEAD")
        let mailmap = try repository.mailmapBlob(at: tip).map { try Mailmap(contents: repository.blob($0)) }
        let analyzer = ChangeAnalyzer(
            context: ChangeRuleContext(branch: branch ?? "HEAD", settings: located.program?.configuration.changeManagement ?? Configuration.fallback.changeManagement, now: Timestamp(seconds: 0)),
            sensitivePaths: PathPatternSet([String]()), bots: BotAccounts([]), mailmap: mailmap)
        let reader = try HistoryReader(repository: repository)
        let change = analyzer.record(try reader.facts(of: repository.commit(commitID), paths: []))
        let me = mailmap?.resolve(approver) ?? approver
        guard !change.isAuthor(me) else {
            throw CommandFailure("refusing to record an approval by \(approver): you are an author of \(change.shortID) (authors: \(change.changeAuthors.map(\.description).joined(separator: ", "))); an approval must come from someone else")
        }
        let reference = NoteApprovals.vouchReference
        let settings = located.program?.configuration.changeManagement
        let signs = sign || settings?.signApprovals == true
        let existing = try repository.note(reference, for: commitID) ?? ""
        // Signing an approval recorded unsigned records it again, signed.
        let already = NoteApprovals.parse(existing, reference: reference).contains {
            $0.kind == kind.approvalKind && (mailmap?.resolve($0.identity) ?? $0.identity).isSamePerson(as: me) && (!signs || $0.signatureArmor != nil)
        }
        if already {
            print("\(approver) already \(kind.rawValue) \(change.shortID) in \(reference); nothing to record.")
            return
        }
        let line = "\(kind.approvalKind.trailerKey): \(approver)"
        var block = line + "\n"
        if signs {
            // What is signed is the approval exactly as it will be read back from the note.
            let written = NoteApprovals.parse(line, reference: reference).first ?? Approval(identity: approver, kind: kind.approvalKind, source: .note)
            let statement = ApprovalStatement(commit: commitID, kind: written.kind, approver: written.identity)
            let armor = try ApprovalSigner(repository: repository).sign(statement.bytes, as: approver)
            block = ApprovalStatement.noteLines(approvalLine: line, armor: armor)
            try ApprovalSigner.warnUnlessVerifies(armor, over: statement.bytes, as: written.identity.email, settings: settings, tip: tip, in: repository)
        }
        if let message, !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // Further lines are indented: continuation lines of the same trailer.
            // Notes are shared with everyone who fetches them: never a credential, even one pasted in.
            block += "Comment: " + Redaction.text(message).trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n ") + "\n"
        }
        let trimmed = existing.trimmingCharacters(in: .whitespacesAndNewlines)
        let text = trimmed.isEmpty ? block : trimmed + "\n\n" + block
        _ = try repository.writeNote(reference, for: commitID, text: text, by: approver)
        print("Recorded '\(kind.approvalKind.trailerKey): \(approver)'\(signs ? ", signed," : "") for \(change.shortID) (\(change.subject)) in \(reference).")
        if try tip != commitID && !repository.isDescendant(tip, of: commitID) {
            Terminal.warning("\(change.shortID) is not in the history of \(branch ?? "HEAD"); the evidence of that branch sees this approval only if this very commit lands there (squash and rebase merges make new commits: approve the commit on the branch after merging)")
        }
        print("Share it: git push origin \(reference)   (others fetch it with: git fetch origin \(reference):\(reference))")
    }
}
