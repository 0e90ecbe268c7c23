/// The settings and the instant change rules judge by.
public struct ChangeRuleContext: Sendable {
    public var branch: String
    public var requiredApprovals: Int
    public var requireSigned: Bool
    public var emergencyReviewDays: Int
    /// When the evidence is produced: an emergency change's follow-up is only late once its
    /// window has passed.
    public var now: Timestamp

    public init(branch: String, settings: ChangeManagementSettings, now: Timestamp) {
        self.branch = branch
        requiredApprovals = settings.requiredApprovals
        requireSigned = settings.requireSigned
        emergencyReviewDays = settings.emergencyReviewDays
        self.now = now
    }
}

/// A rule over one change of the population: whether the change is an exception, and what to
/// tell about it. Apart, because reports that list only rule ids (the JSON evidence of a whole
/// history) need no message.
public protocol ChangeRule: Sendable {
    var description: RuleDescription { get }
    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool
    /// The exception's message, for a change the rule applies to.
    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String
}

/// Change-management exceptions: what an auditor tests for CC8.1 on each sampled change.
public enum ChangeRules {
    public static let all: [any ChangeRule] = [
        UnreviewedChangeRule(), SelfApprovalRule(), UnrecordedApprovalRule(), InsufficientApprovalsRule(),
        UnsignedChangeRule(), EmergencyChangeRule(), BotChangeRule(), SensitivePathRule(),
    ]

    static func describe(_ approval: Approval) -> String {
        let place: String
        switch approval.source {
        case .trailer: place = "\(approval.kind.trailerKey) trailer"
        case .message: place = "message"
        case .note: place = "note on \(approval.reference ?? NoteApprovals.vouchReference)"
        }
        return "\(approval.identity) (\(place))"
    }

    static func people(_ identities: [Identity]) -> String { identities.map(\.description).joined(separator: ", ") }

    public static let unreviewed = RuleDescription(
        identifier: "change-unreviewed", severity: .error, scope: .change,
        summary: "Every change on the branch shows review by someone other than its author",
        rationale: "CC8.1 asks that changes are authorised and approved before they reach production. A commit with no pull or merge request reference, no approval trailer and no approval note is a direct push (or a rebase-merge that kept no trace of its review): the auditor counts it as an exception unless other evidence is produced.",
        passingExamples: [
            .change(ChangeExample(message: "Merge pull request #12 from example/fix-rounding\n\nFix rounding", mergedAuthor: "Bob Builder <bob@example.com>", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n")])),
            .change(ChangeExample(message: "Fix rounding of invoice totals\n\nReviewed-by: Carol Checker <carol@example.com>\n")),
        ],
        failingExamples: [.change(ChangeExample(message: "Hotfix invoice totals\n"))])

    public static let selfApproved = RuleDescription(
        identifier: "change-self-approved", severity: .error, scope: .change,
        summary: "Nobody approves their own change",
        rationale: "Segregation of duties: an approval by the author, or by a co-author, after resolving aliases through .mailmap, is no independent review. It does not count towards required_approvals and is reported so the approval can be redone by someone else.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n"))],
        failingExamples: [
            .change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Alice Example <ALICE@example.com>\n")),
            .change(ChangeExample(message: "Fix rounding\n\nCo-authored-by: Carol Checker <carol@example.com>\nReviewed-by: Carol Checker <carol@example.com>\n")),
        ])

    public static let approvalUnrecorded = RuleDescription(
        identifier: "change-approval-unrecorded", severity: .warning, scope: .change,
        summary: "A reviewed change has its approver recorded in git",
        rationale: "A pull request number shows a review took place on the platform, but not who approved it: GitHub, for one, keeps approvals outside git. Without an approver in git the evidence depends on the platform's retention and export. Record the approval with 'vouch approve COMMIT' (a note on refs/notes/vouch), or have the merge template write 'Approved-by:' trailers.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding (#12)\n", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n")]))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding (#12)\n"))])

    public static let approvalsInsufficient = RuleDescription(
        identifier: "change-approvals-insufficient", severity: .error, scope: .change,
        summary: "Changes have at least required_approvals independent approvals",
        rationale: "change_management.required_approvals sets how many people other than the authors must approve each change. Reviews and acks count; Tested-by does not; self-approvals do not.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\nApproved-by: Dan Lead <dan@example.com>\n", requiredApprovals: 2))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\nTested-by: Tess Tester <tess@example.com>\n", requiredApprovals: 2))])

    public static let unsigned = RuleDescription(
        identifier: "change-unsigned", severity: .error, scope: .change,
        summary: "Changes are signed when change_management.require_signed is true",
        rationale: "Signed commits tie a change to a key its author controls. Vouch sees whether a commit carries a GPG, SSH or X.509 signature, by the armor of its gpgsig header; it does not verify the signature, which needs the signers' keys and a trust policy ('git log --show-signature' or the platform does that).",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", signature: .ssh, requireSigned: true))],
        failingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", requireSigned: true))])

    public static let emergencyUnreviewed = RuleDescription(
        identifier: "change-emergency-unreviewed", severity: .error, scope: .change,
        summary: "Emergency changes are approved within emergency_review_days of landing",
        rationale: "An emergency change (an 'Emergency: reason' trailer) may skip review before it lands, but must be reviewed and approved afterwards: an approval note recorded within change_management.emergency_review_days (5 by default) of landing, or an approval already in the message. Until the window has passed the change is not an exception.",
        passingExamples: [
            .change(ChangeExample(message: "Restore invoice job\n\nEmergency: invoices stopped going out\n", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n", daysAfterLanding: 2)])),
            .change(ChangeExample(message: "Restore invoice job\n\nEmergency: invoices stopped going out\n", daysSinceLanding: 1)),
        ],
        failingExamples: [
            .change(ChangeExample(message: "Restore invoice job\n\nEmergency: invoices stopped going out\n")),
            .change(ChangeExample(message: "Restore invoice job\n\nEmergency: invoices stopped going out\n", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n", daysAfterLanding: 9)])),
        ])

    public static let botUnapproved = RuleDescription(
        identifier: "change-bot-unapproved", severity: .error, scope: .change,
        summary: "Changes authored by automation are approved by a person",
        rationale: "Dependency updates and other bot-authored changes reach production like any other; a person must approve them. Bots are accounts matching change_management.bots, and any name ending in [bot].",
        passingExamples: [.change(ChangeExample(message: "Bump yams from 6.2.1 to 6.2.2 (#40)\n", author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>", notes: [.init(text: "Approved-by: Carol Checker <carol@example.com>\n")]))],
        failingExamples: [.change(ChangeExample(message: "Bump yams from 6.2.1 to 6.2.2 (#40)\n", author: "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"))])

    public static let sensitivePath = RuleDescription(
        identifier: "change-sensitive-path", severity: .note, scope: .change,
        summary: "Changes to sensitive files are flagged for attention",
        rationale: "Some files change the controls themselves: .mailmap (who is who), vouch.yml and the program folders, CODEOWNERS (who must review), CI workflows (what runs on every change). Such changes are listed so the control owner can look at each; they do not change the exit status. change_management.sensitive_paths adds globs to the list.",
        passingExamples: [.change(ChangeExample(message: "Fix rounding\n\nReviewed-by: Carol Checker <carol@example.com>\n", paths: ["src/billing/rounding.swift"]))],
        failingExamples: [.change(ChangeExample(message: "Run tests on every push\n\nReviewed-by: Carol Checker <carol@example.com>\n", paths: [".github/workflows/ci.yml"]))])

    /// The built-in sensitive paths; program folders are relative to the program's folder, and
    /// left out when the program lives outside the repository (`programPrefix` nil).
    public static func builtInSensitivePaths(programPrefix: String?) -> [String] {
        [".mailmap", "CODEOWNERS", ".github/CODEOWNERS", ".gitlab/CODEOWNERS", "docs/CODEOWNERS",
         ".github/workflows/**", ".github/actions/**", ".gitlab-ci.yml", ".circleci/**", "Jenkinsfile",
         "azure-pipelines.yml", "bitbucket-pipelines.yml", ".buildkite/**", ".travis.yml"]
            + (programPrefix.map { prefix in ([Configuration.fileName] + ProgramLayout.documentFolders + [ProgramLayout.frameworksFolder]).map { prefix + $0 } } ?? [])
    }
}

struct UnreviewedChangeRule: ChangeRule {
    var description: RuleDescription { ChangeRules.unreviewed }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        // Emergencies and bots have rules of their own; a self-approval is reported as such.
        context.requiredApprovals > 0 && change.emergency == nil && !change.isBot && change.reviewReference == nil
            && change.independentApprovals.isEmpty && change.selfApprovals.isEmpty
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) landed on \(context.branch) with no review evidence (no pull or merge request, no approval trailer or note): a direct push or a rebase-merge; have someone other than the author review it and record it with 'vouch approve \(change.shortID)', and protect the branch so changes need a review"
    }
}

struct SelfApprovalRule: ChangeRule {
    var description: RuleDescription { ChangeRules.selfApproved }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { !change.selfApprovals.isEmpty }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) is approved by its own author: \(change.selfApprovals.map(ChangeRules.describe).joined(separator: ", ")); an approval must come from someone other than the authors (\(ChangeRules.people(change.changeAuthors))), so have another reviewer approve it"
    }
}

struct UnrecordedApprovalRule: ChangeRule {
    var description: RuleDescription { ChangeRules.approvalUnrecorded }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        context.requiredApprovals > 0 && change.reviewReference != nil && !change.isBot && change.emergency == nil
            && change.approvals.allSatisfy { !$0.kind.counts }
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) went through \(change.mechanism.rawValue) \(change.reviewReference ?? ""), but git records no approver; have the approver run 'vouch approve \(change.shortID)' and push refs/notes/vouch, or add 'Approved-by:' trailers through the merge template, or keep the platform's review export as evidence"
    }
}

struct InsufficientApprovalsRule: ChangeRule {
    var description: RuleDescription { ChangeRules.approvalsInsufficient }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        !change.independentApprovers.isEmpty && change.independentApprovers.count < context.requiredApprovals
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let approvers = change.independentApprovers
        return "\(change.shortID) has \(approvers.count) independent approval\(approvers.count == 1 ? "" : "s") (\(ChangeRules.people(approvers))) where required_approvals is \(context.requiredApprovals); have \(context.requiredApprovals - approvers.count) more reviewer\(context.requiredApprovals - approvers.count == 1 ? "" : "s") approve it"
    }
}

struct UnsignedChangeRule: ChangeRule {
    var description: RuleDescription { ChangeRules.unsigned }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { context.requireSigned && change.signature == nil }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) is not signed, and change_management.require_signed is true; sign commits (git config commit.gpgsign true, with a GPG, SSH or X.509 key) and require signatures on the branch"
    }
}

struct EmergencyChangeRule: ChangeRule {
    var description: RuleDescription { ChangeRules.emergencyUnreviewed }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        guard change.emergency != nil else { return false }
        let independent = change.independentApprovals
        if independent.contains(where: \.precedesLanding) { return false }
        let deadline = Self.deadline(change, context)
        if independent.contains(where: { $0.recordedAt.map { $0.seconds <= deadline } ?? false }) { return false }
        return context.now.seconds > deadline
    }

    private static func deadline(_ change: ChangeRecord, _ context: ChangeRuleContext) -> Int64 {
        change.landedAt.seconds + Int64(context.emergencyReviewDays) * Timestamp.secondsPerDay
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let reason = change.emergency ?? ""
        let notes = change.independentApprovals.compactMap(\.recordedAt)
        let late = notes.min().map { " (the first approval was recorded \(($0.seconds - change.landedAt.seconds) / Timestamp.secondsPerDay) days after landing)" } ?? ""
        return "emergency change \(change.shortID) ('\(reason)') has no approval recorded within \(context.emergencyReviewDays) days of landing\(late); have someone other than the author review it and run 'vouch approve \(change.shortID)', and record why the follow-up was late"
    }
}

struct BotChangeRule: ChangeRule {
    var description: RuleDescription { ChangeRules.botUnapproved }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool {
        change.isBot && context.requiredApprovals > 0 && change.independentApprovals.isEmpty
    }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        "\(change.shortID) was authored by the automation account \(change.author.identity) and no person approved it; have a reviewer approve it ('vouch approve \(change.shortID)' or an 'Approved-by:' trailer) and require reviews for bot changes"
    }
}

struct SensitivePathRule: ChangeRule {
    var description: RuleDescription { ChangeRules.sensitivePath }

    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool { !change.sensitivePaths.isEmpty }

    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String {
        let shown = change.sensitivePaths.prefix(5).joined(separator: ", ") + (change.sensitivePaths.count > 5 ? " and \(change.sensitivePaths.count - 5) more" : "")
        return "\(change.shortID) changes sensitive files (\(shown)); check that the control owner approved it"
    }
}
