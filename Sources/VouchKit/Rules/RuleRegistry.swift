/// Every rule Vouch knows, in the order `vouch rules` lists them.
///
/// Adding a rule: write it in one file, `Rules/<Kind>/<Name>Rule.swift`, and add one line to
/// `rules` below, in its kind's group. The linter, the change analyzer, `vouch rules`, SARIF and
/// the test suite (which runs the rule's examples) all read this list.
public enum RuleRegistry {
    /// The one list of rules, grouped by kind: read, program, change, policy history.
    public static let rules: [any Rule] = [
        // Read rules: reported while files are read (Rules/Read/).
        FileEncodingRule(), FileTooLargeRule(), FileSymlinkRule(),
        FrontMatterMissingRule(), FrontMatterUnterminatedRule(), FrontMatterNotMappingRule(),
        YAMLSyntaxRule(), YAMLDuplicateKeyRule(), YAMLAliasRule(), YAMLTabRule(),
        FieldMissingRule(), FieldTypeRule(), FieldValueRule(), FieldUnknownRule(),
        // Program rules: run over the whole program after it is read (Rules/Program/).
        IDDuplicateRule(), IDFormatRule(),
        CriterionUnknownRule(), CriterionOutOfScopeRule(), PolicyUnknownRule(), ObjectiveUnknownRule(), PolicyUnreferencedRule(),
        CriterionUncoveredRule(), CriterionPlannedOnlyRule(), ExclusionReasonMissingRule(), ObjectiveUncoveredRule(),
        NarrativeEmptyRule(), OwnerMissingRule(), ControlUnmappedRule(), EvidenceMissingRule(), PolicyReviewOverdueRule(),
        SystemSectionMissingRule(), SystemSectionDuplicateRule(), RegisterMissingRule(),
        // Vendor register rules (Rules/Vendor/).
        VendorAssuranceMissingRule(), VendorAssuranceGapRule(), VendorAssuranceStaleRule(), VendorOpinionQualifiedRule(),
        VendorReviewOverdueRule(), VendorArtifactMismatchRule(), SubserviceUnregisteredRule(), CSOCUnaddressedRule(), VendorControlUnknownRule(),
        // Risk register rules (Rules/Risk/).
        RiskUntreatedRule(), RiskControlUnknownRule(), RiskMitigationUncontrolledRule(), RiskAcceptanceUnapprovedRule(),
        RiskResidualAboveAppetiteRule(), RiskReviewOverdueRule(),
        // People and acknowledgements (Rules/People/).
        PolicyUnacknowledgedRule(), PersonRecordInvalidRule(), PersonUnknownRule(),
        // Run records of periodic controls and the occurrences they are expected in (Rules/Run/).
        RunMissingRule(), RunLateRule(), RunArtifactMissingRule(), RunArtifactMismatchRule(), RunUnsignedRule(),
        RunSignoffUnverifiedRule(), RunExceptionUndocumentedRule(), RunNotPerformedRule(), RunControlUnknownRule(),
        RunOccurrenceInvalidRule(), RunDuplicateRule(), RunInFutureRule(),
        // Change rules: change-management exceptions of each change in git history (Rules/Change/).
        ChangeUnreviewedRule(), ChangeSelfApprovedRule(), ChangeApprovalUnrecordedRule(), ChangeApprovalsInsufficientRule(),
        ChangeApprovalUnverifiedRule(), ChangeApprovalStaleRule(), ChangeApprovedAfterMergeRule(), ChangeReviewUnmatchedRule(),
        ChangeUnsignedRule(), ChangeSignatureInvalidRule(), ChangeSignerUnknownRule(), ChangeEmergencyUnreviewedRule(), ChangeBotUnapprovedRule(), ChangeSensitivePathRule(),
        // Policy history rules: policy approvals read from git history (Rules/PolicyHistory/).
        PolicyChangeUnapprovedRule(), PolicyApprovalOverdueRule(), PolicyEffectiveUnapprovedRule(),
    ]

    /// Every rule description, in the order of `rules`.
    public static let all: [RuleDescription] = rules.map(\.description)

    /// Rules reported while files are read.
    public static let readRules: [any ReadRule] = rules.compactMap { $0 as? any ReadRule }

    /// Rules the linter runs over the whole program after it is read, the policy history rules included.
    public static let programRules: [any ProgramRule] = rules.compactMap { $0 as? any ProgramRule }

    /// Program rules that judge policy approvals read from git history; silent without history.
    public static let policyHistoryRules: [any PolicyHistoryRule] = rules.compactMap { $0 as? any PolicyHistoryRule }

    /// Change-management exceptions: what an auditor tests for CC8.1 on each sampled change.
    public static let changeRules: [any ChangeRule] = rules.compactMap { $0 as? any ChangeRule }

    /// Rules about git history: change-management exceptions, then policy approvals.
    public static var historyRules: [RuleDescription] {
        changeRules.map(\.description) + policyHistoryRules.map(\.description)
    }

    public static func rule(_ identifier: String) -> RuleDescription? {
        all.first { $0.identifier == identifier }
    }
}
