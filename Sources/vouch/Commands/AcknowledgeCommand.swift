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
            version you have not acknowledged. Push the notes: git push origin refs/notes/vouch
            Exit status: 0 recorded (or nothing pending), 1 acknowledgements pending, 2 usage or environment error.
            """
    )

    @Argument(help: ArgumentHelp("The policies to acknowledge, by id.", valueName: "policy-id"))
    var policyIDs: [String] = []

    @Flag(help: "List what you still owe instead of recording anything.")
    var pending = false

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
        let acknowledger = PolicyAcknowledger(program: loaded, history: history, repository: repository, programPrefix: prefix)
        if pending {
            guard loaded.people != nil else {
                print("There is no roster (people/people.csv), so no policy is required of anyone.")
                return
            }
            let acknowledgements = try PolicyAcknowledgements.read(history: history, repository: repository)
            let owed = acknowledger.pending(for: me, acknowledgements: acknowledgements, withinDays: loaded.configuration.acknowledgeWithinDays)
            if owed.isEmpty {
                print("\(me) owes no acknowledgement.")
                return
            }
            for item in owed {
                let state = item.due < judging.today ? "overdue since" : "due by"
                print("\(item.policyID)  version \(item.commit.prefix(12))  \(state) \(item.due)")
            }
            print("Acknowledge them: vouch acknowledge \(owed.map(\.policyID).joined(separator: " "))")
            throw ExitCode(ExitStatus.findings)
        }
        for outcome in try acknowledger.acknowledge(policyIDs, by: me, on: judging.today) {
            switch outcome {
            case .recorded(let acknowledgement, let commit):
                print("Recorded '\(acknowledgement.noteLine)' on \(commit.prefix(12)) in \(NoteApprovals.vouchReference).")
            case .alreadyRecorded(let acknowledgement, let commit):
                print("\(acknowledgement.person) already acknowledged \(acknowledgement.policyID) at version \(commit.prefix(12)); nothing to record.")
            }
        }
        print("Share it: git push origin \(NoteApprovals.vouchReference)")
    }
}
