import ArgumentParser
import Foundation
import VouchKit

struct AcknowledgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acknowledge",
        abstract: "Record that you read and accept the current version of policies, as a git note on refs/notes/vouch.",
        discussion: """
            For each policy, appends 'Acknowledged: POLICY-ID BLOB-ID DATE NAME <EMAIL>' with your git \
            identity to the note of the commit that last changed the policy file on the change-management \
            branch. With --pending, lists the policies people/people.csv requires of you whose current \
            version you have not acknowledged. With --sign (or change_management.approvals.sign), each \
            acknowledgement is signed with your key as git signs commits (gpg.format, user.signingkey); \
            with change_management.require_signed_approvals only signed ones count. \
            Push the notes: git push origin refs/notes/vouch
            Exit status: 0 recorded (or nothing pending), 1 acknowledgements pending, 2 usage or environment error.
            """
    )

    @Argument(help: ArgumentHelp("The policies to acknowledge, by id.", valueName: "policy-id"))
    var policyIDs: [String] = []

    @Flag(help: "List what you still owe instead of recording anything.")
    var pending = false

    @Flag(help: "Sign each acknowledgement with your key, as git signs commits (gpg.format, user.signingkey).")
    var sign = false

    @OptionGroup var judging: JudgingOptions

    @OptionGroup var program: ProgramOptions

    func run() throws {
        guard pending != !policyIDs.isEmpty else {
            throw ValidationError(pending ? "--pending takes no policy ids" : "name the policies to acknowledge, or pass --pending")
        }
        let located = try program.workspace.gitProgram(revision: nil)
        guard let loaded = located.program else { throw CommandFailure("no program found") }
        let repository = located.repository
        let prefix = located.programPrefix ?? ""
        guard let me = try repository.configuredIdentity() else {
            throw CommandFailure("git does not know who you are; set it with: git config user.name 'Your Name' && git config user.email you@example.com")
        }
        let history = try PolicyHistory.read(program: loaded, repository: repository, programPrefix: prefix) ?? [:]
        let settings = loaded.configuration.changeManagement
        let tip = try BranchTip.commit(named: settings.branch, in: repository)
        let acknowledger = PolicyAcknowledger(program: loaded, history: history, repository: repository, programPrefix: prefix)
        if pending {
            guard loaded.people != nil else {
                print("There is no roster (people/people.csv), so no policy is required of anyone.")
                return
            }
            let signedOnly = settings.requireSignedApprovals
            let verifier = signedOnly ? try SignatureKeys.read(settings, at: tip, in: repository).verifier : nil
            let acknowledgements = try PolicyAcknowledgements.read(history: history, repository: repository, verifier: verifier)
            let owed = acknowledger.pending(for: me, acknowledgements: acknowledgements, withinDays: loaded.configuration.acknowledgeWithinDays, signedOnly: signedOnly)
            if owed.isEmpty {
                print("\(me) owes no acknowledgement.")
                return
            }
            for item in owed {
                let state = item.due < judging.today ? "overdue since" : "due by"
                print("\(item.policyID)  version \(item.commit.prefix(12))  \(state) \(item.due)")
            }
            print("Acknowledge them: vouch acknowledge \(signedOnly ? "--sign " : "")\(owed.map(\.policyID).joined(separator: " "))")
            throw ExitCode(ExitStatus.findings)
        }
        var signer: ((AcknowledgementStatement) throws -> String)?
        if sign || settings.signApprovals {
            let approvalSigner = try ApprovalSigner(repository: repository)
            signer = { statement in
                let armor = try approvalSigner.sign(statement.bytes, as: me)
                try ApprovalSigner.warnUnlessVerifies(armor, over: statement.bytes, as: me.email, settings: settings, tip: tip, in: repository)
                return armor
            }
        }
        for outcome in try acknowledger.acknowledge(policyIDs, by: me, on: judging.today, sign: signer) {
            switch outcome {
            case .recorded(let acknowledgement, let commit):
                print("Recorded '\(acknowledgement.noteLine)'\(acknowledgement.signatureArmor == nil ? "" : ", signed,") on \(commit.prefix(12)) in \(NoteApprovals.vouchReference).")
            case .alreadyRecorded(let acknowledgement, let commit):
                print("\(acknowledgement.person) already acknowledged \(acknowledgement.policyID) at version \(commit.prefix(12)); nothing to record.")
            }
        }
        print("Share it: git push origin \(NoteApprovals.vouchReference)")
    }
}
