/// Every rule Vouch knows, in the order `vouch rules` lists them.
public enum RuleRegistry {
    /// Rules run over the whole program after it is read.
    public static let programRules: [any ProgramRule] = [
        DuplicateIDRule(), IDFormatRule(),
        UnknownCriterionRule(), OutOfScopeCriterionRule(), UnknownPolicyRule(), UnknownObjectiveRule(), UnreferencedPolicyRule(),
        UncoveredCriterionRule(), PlannedOnlyCriterionRule(), ExclusionReasonRule(), UncoveredObjectiveRule(),
        NarrativeEmptyRule(), OwnerMissingRule(), UnmappedControlRule(), EvidenceMissingRule(), ReviewOverdueRule(),
        SystemSectionMissingRule(), SystemSectionDuplicateRule(),
    ]

    /// Rules reported while files are read.
    public static let readRules: [RuleDescription] = [
        FileRules.encoding, FileRules.tooLarge, FileRules.symlink,
        FrontMatterRules.missing, FrontMatterRules.unterminated, FrontMatterRules.notMapping,
        YAMLRules.syntax, YAMLRules.duplicateKey, YAMLRules.alias, YAMLRules.tab,
        SchemaRules.missing, SchemaRules.type, SchemaRules.enumeration, SchemaRules.unknown,
    ]

    /// Every rule description: program files first, then git history.
    public static var all: [RuleDescription] {
        readRules + programRules.map(\.description) + historyRules
    }

    /// Program rules that judge policy approvals read from git history; silent without history.
    public static let policyHistoryRules: [any ProgramRule] = [
        PolicyChangeUnapprovedRule(), PolicyApprovalOverdueRule(), PolicyEffectiveUnapprovedRule(),
    ]

    /// Rules about git history: change-management exceptions, then policy approvals.
    public static var historyRules: [RuleDescription] {
        ChangeRules.all.map(\.description) + policyHistoryRules.map(\.description)
    }

    public static func rule(_ identifier: String) -> RuleDescription? {
        all.first { $0.identifier == identifier }
    }
}
