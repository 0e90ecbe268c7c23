/// A rule over one change of the population: whether the change is an exception, and what to
/// tell about it. Apart, because reports that list only rule ids (the JSON evidence of a whole
/// history) need no message.
public protocol ChangeRule: Rule {
    func applies(to change: ChangeRecord, _ context: ChangeRuleContext) -> Bool
    /// The exception's message, for a change the rule applies to.
    func message(_ change: ChangeRecord, _ context: ChangeRuleContext) -> String
}

extension ChangeRule {
    static func describe(_ approval: Approval) -> String {
        let place: String
        switch approval.source {
        case .trailer: place = "\(approval.kind.trailerKey) trailer"
        case .message: place = "message"
        case .note: place = "note on \(approval.reference ?? NoteApprovals.vouchReference)"
        case .github, .gitlab: place = "\(approval.source == .github ? "GitHub review" : "GitLab approval") \(approval.reference ?? "")"
        }
        return "\(approval.identity) (\(place))"
    }
}
