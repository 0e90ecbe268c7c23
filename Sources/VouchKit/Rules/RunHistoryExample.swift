/// A run record and what git holds about its sign-off, for the documentation and tests of the
/// rule that judges it.
enum RunHistoryExample {
    static let sam = Identity(name: "Sam Okafor", email: "sam@example.com")

    /// The Q1 record of a quarterly AC-03 (reviewed by Sam), whose latest change landed approved
    /// by Sam or not (or is not in history yet, when `approved` is nil).
    static func signedOff(approved: Bool?) -> RuleExample {
        let reviewer = approved == false ? "↓Sam Okafor <sam@example.com>" : "Sam Okafor <sam@example.com>"
        guard case .program(let files) = RunExample.quarterly(["2026-Q1": RunExample.fields("2026-Q1", performed: "2026-04-08", reviewer: reviewer)], control: "runs: {starts: 2026-03-01}") else {
            fatalError("RunExample.quarterly makes a program")
        }
        var signoffs: [String: PolicyApprovalRecord] = [:]
        if let approved {
            let change = PolicyChange(commit: String(repeating: "e5", count: 20), landedAt: Timestamp.startOfDay(CalendarDate("2026-04-08")!), authors: [RegisterHistoryExample.dana], approvedBy: approved ? [sam] : [])
            signoffs["runs/AC-03/2026-Q1.md"] = PolicyApprovalRecord(policyID: "runs/AC-03/2026-Q1.md", path: "runs/AC-03/2026-Q1.md", lastChange: change, lastApprovedChange: approved ? change : nil)
        }
        return .registers(RegisterHistoryExample(files: files, policyHistory: [:], acknowledgements: [:], riskApprovals: [:], runSignoffs: signoffs))
    }
}
