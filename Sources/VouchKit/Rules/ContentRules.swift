/// Documents say something, belong to someone, and are kept current.
public enum ContentRules {
    public static let narrativeEmpty = RuleDescription(
        identifier: "narrative-empty", severity: .warning,
        summary: "Controls, policies, objectives and system sections have a body",
        rationale: "The narrative is what the auditor reads and tests against: what is done, by whom, how often, and what evidence it leaves. Fields alone do not describe a control.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]", body: "Every change is reviewed by a second engineer.")],
        failingExamples: [.program(["controls/a.md": "---\nid: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\n↓\n\n"])])

    public static let ownerMissing = RuleDescription(
        identifier: "owner-missing", severity: .error,
        summary: "Every control and policy has an owner",
        rationale: "An owner is accountable for operating the control or keeping the policy current (CC1.5); without one, nobody answers the auditor's questions.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Head of Engineering\ncriteria: [CC8.1]")],
        failingExamples: [
            .program(["controls/a.md": "↓---\nid: CM-01\ntitle: A\nstatus: implemented\ncriteria: [CC8.1]\n---\nText.\n"]),
            .control("id: CM-01\ntitle: A\nstatus: implemented\n↓owner:\ncriteria: [CC8.1]"),
        ])

    public static let unmapped = RuleDescription(
        identifier: "control-unmapped", severity: .warning,
        summary: "Every control maps to at least one criterion or objective",
        rationale: "A control that maps to nothing contributes nothing to coverage and has no place in the control matrix.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]")],
        failingExamples: [.program(["controls/a.md": "---\nid: ↓CM-01\ntitle: A\nstatus: implemented\nowner: Ops\n---\nText.\n"])])

    public static let evidenceMissing = RuleDescription(
        identifier: "evidence-missing", severity: .warning,
        summary: "Implemented controls say what evidence they leave",
        rationale: "For a Type 2 report the auditor samples evidence that the control operated; naming it up front is what makes the control testable.",
        passingExamples: [.control("id: CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\nevidence:\n  - git: change-review")],
        failingExamples: [.program(["controls/a.md": "---\nid: ↓CM-01\ntitle: A\nstatus: implemented\nowner: Ops\ncriteria: [CC8.1]\n---\nText.\n"])])

    public static let reviewOverdue = RuleDescription(
        identifier: "policy-review-overdue", severity: .warning,
        summary: "Policies are reviewed within their review interval",
        rationale: "Policies are approved at least every review interval (365 days by default, per policy with review_interval_days). Judged at the end of the report period, or today while the period runs; inside a git repository the date of the last approved change is used instead of 'effective'.",
        passingExamples: [.program(["policies/p.md": "---\nid: p\ntitle: P\nowner: CISO\napprovers: [ciso@example.com]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n"])],
        failingExamples: [.program(["policies/p.md": "---\nid: p\ntitle: P\nowner: CISO\napprovers: [ciso@example.com]\nversion: \"1\"\neffective: ↓2024-03-01\n---\nText.\n"])])
}

struct NarrativeEmptyRule: ProgramRule {
    var description: RuleDescription { ContentRules.narrativeEmpty }

    func check(_ context: LintContext) -> [Finding] {
        let program = context.program
        var bodies: [(String, Located<String>)] = []
        bodies += program.controls.map { ("control", $0.narrative) }
        bodies += program.policies.map { ("policy", $0.text) }
        bodies += program.objectives.map { ("objective", $0.narrative) }
        bodies += program.systemSections.map { ("system section", $0.body) }
        return bodies.compactMap { kind, body in
            guard body.value.allSatisfy(\.isWhitespace) else { return nil }
            return description.finding(at: body.location, "\(kind) has no text after its front matter; describe \(kind == "control" ? "what is done, by whom, how often and what evidence it leaves" : "it in Markdown")")
        }
    }
}

struct OwnerMissingRule: ProgramRule {
    var description: RuleDescription { ContentRules.ownerMissing }

    func check(_ context: LintContext) -> [Finding] {
        let owners = context.program.controls.map { ("control", $0.file, $0.owner) } + context.program.policies.map { ("policy", $0.file, $0.owner) }
        return owners.compactMap { kind, file, owner in
            if let owner, !owner.value.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            return description.finding(
                at: owner?.location ?? SourceLocation(file: file),
                "\(kind) has no owner; add 'owner:' with the role accountable for it (e.g. 'owner: Head of Engineering')")
        }
    }
}

struct UnmappedControlRule: ProgramRule {
    var description: RuleDescription { ContentRules.unmapped }

    func check(_ context: LintContext) -> [Finding] {
        context.program.controls.compactMap { control in
            guard control.criteria.isEmpty, control.objectives.isEmpty, control.status?.value != .notApplicable else { return nil }
            return description.finding(at: control.id.location, "control maps to no criterion or objective; add 'criteria: [...]' (SOC 2) or 'objectives: [...]' (SOC 1)")
        }
    }
}

struct EvidenceMissingRule: ProgramRule {
    var description: RuleDescription { ContentRules.evidenceMissing }

    func check(_ context: LintContext) -> [Finding] {
        context.program.controls.compactMap { control in
            guard control.isImplemented, control.evidence.isEmpty else { return nil }
            return description.finding(at: control.id.location, "implemented control lists no evidence; add 'evidence:' with the artefacts it leaves (or '- git: change-review')")
        }
    }
}

struct ReviewOverdueRule: ProgramRule {
    var description: RuleDescription { ContentRules.reviewOverdue }

    func check(_ context: LintContext) -> [Finding] {
        let reference = context.reviewReferenceDate
        return context.program.policies.compactMap { policy in
            let interval = policy.reviewIntervalDays?.value ?? context.configuration.reviewIntervalDays
            if let history = context.policyHistory {
                // Git history knows better than the front matter; the history rules report on it.
                if history[policy.id.value] != nil { return nil }
            }
            guard let effective = policy.effective else { return nil }
            let due = effective.value.adding(days: interval)
            guard due < reference else { return nil }
            return description.finding(
                at: effective.location,
                "policy was last made effective on \(effective.value) and was due for review by \(due) (every \(interval) days); review and re-approve it, then update 'effective' and 'version'")
        }
    }
}
