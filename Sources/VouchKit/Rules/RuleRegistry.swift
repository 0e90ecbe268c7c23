/// Every rule Vouch knows, in the order `vouch rules` lists them.
///
/// Adding a rule: write it in one file, `Rules/<Kind>/<Name>Rule.swift`, and add it to its
/// kind's list below. The linter, the change analyzer, `vouch rules`, SARIF and
/// the test suite (which runs the rule's examples) all read this list.
public enum RuleRegistry {
    /// The one list of rules, grouped by kind: read, program, change, policy history.
    public static let rules: [any Rule] = readRules + wholeProgramRules + changeRules + policyHistoryRules

    /// Every rule description, in the order of `rules`.
    public static let all: [RuleDescription] = rules.map(\.description)

    // The kinds are listed by type rather than found by casting `rules`: a cast to a protocol
    // searches the binary's conformance tables, a cost every commit's hook would pay.

    /// Rules reported while files are read (Rules/Read/).
    public static let readRules: [any ReadRule] = [
        FileEncodingRule(), FileTooLargeRule(), FileSymlinkRule(),
        FrontMatterMissingRule(), FrontMatterUnterminatedRule(), FrontMatterNotMappingRule(),
        YAMLSyntaxRule(), YAMLDuplicateKeyRule(), YAMLAliasRule(), YAMLTabRule(),
        FieldMissingRule(), FieldTypeRule(), FieldValueRule(), FieldUnknownRule(),
    ]

    /// Rules the linter runs over the whole program after it is read, the policy history rules
    /// included.
    public static let programRules: [any ProgramRule] = wholeProgramRules + policyHistoryRules

    private static let wholeProgramRules: [any ProgramRule] = [
        // Program rules (Rules/Program/).
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
    ]

    /// Program rules that judge policy approvals read from git history; silent without history
    /// (Rules/PolicyHistory/).
    public static let policyHistoryRules: [any PolicyHistoryRule] = [
        PolicyChangeUnapprovedRule(), PolicyApprovalOverdueRule(), PolicyEffectiveUnapprovedRule(),
    ]

    /// Change-management exceptions: what an auditor tests for CC8.1 on each sampled change
    /// (Rules/Change/).
    public static let changeRules: [any ChangeRule] = [
        ChangeUnreviewedRule(), ChangeSelfApprovedRule(), ChangeApprovalUnrecordedRule(), ChangeApprovalsInsufficientRule(),
        ChangeApprovalUnverifiedRule(), ChangeApprovalStaleRule(), ChangeApprovedAfterMergeRule(), ChangeReviewUnmatchedRule(),
        ChangeUnsignedRule(), ChangeSignatureInvalidRule(), ChangeSignerUnknownRule(), ChangeEmergencyUnreviewedRule(), ChangeBotUnapprovedRule(), ChangeSensitivePathRule(),
    ]

    /// Rules about git history: change-management exceptions, then policy approvals.
    public static var historyRules: [RuleDescription] {
        changeRules.map(\.description) + policyHistoryRules.map(\.description)
    }

    public static func rule(_ identifier: String) -> RuleDescription? {
        all.first { $0.identifier == identifier }
    }
}
