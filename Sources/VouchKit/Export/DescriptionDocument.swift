import Foundation

/// A system description laid out as a document: a title page and sections of blocks. The HTML
/// and Markdown renderers both write this one layout, so the two always say the same thing.
struct DescriptionDocument: Sendable {
    var title: String
    var subtitle: String
    var facts: [DocumentFact]
    var sections: [DocumentSection]
}

struct DocumentFact: Sendable {
    var label: String
    var value: String
}

struct DocumentSection: Sendable {
    /// A fragment id made of `[a-z0-9-]` only.
    var anchor: String
    /// The description criterion the section answers (`DC1`), if any.
    var criterion: String?
    var title: String
    var blocks: [DocumentBlock]

    var heading: String { criterion.map { "\($0). \(title)" } ?? title }
}

enum DocumentBlock: Sendable {
    case heading(String, anchor: String?)
    /// A Markdown body from a program file: untrusted, rendered by `MarkdownRenderer`, its
    /// headings moved down so they sit below the heading around them.
    case markdown(String, headingOffset: Int)
    /// Plain text, escaped.
    case paragraph(String)
    /// Something the description should contain but whose source is absent.
    case missing(String)
    case facts([DocumentFact])
    case table(DocumentTable)
    /// Rows of cells each showing a status by colour and by mark, with the legend.
    case heatMap(DocumentHeatMap)
}

struct DocumentTable: Sendable {
    var columns: [String]
    var rows: [[DocumentCell]]
    /// Consecutive rows with the same first cell form a group (a criterion and its controls).
    var groupsByFirstColumn = false
}

struct DocumentCell: Sendable, ExpressibleByStringLiteral {
    var text: String
    /// A fragment id inside the document to link to.
    var anchor: String?
    /// Shown as a problem (an uncovered criterion, a planned control).
    var flagged = false

    init(_ text: String, anchor: String? = nil, flagged: Bool = false) {
        self.text = text
        self.anchor = anchor
        self.flagged = flagged
    }

    init(stringLiteral value: String) { self.init(value) }
}

enum Anchor {
    /// A fragment id from any text: lowercase letters, digits and single dashes.
    static func make(_ prefix: String, _ text: String) -> String {
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? prefix : "\(prefix)-\(slug)"
    }
}

extension DescriptionDocument {
    static func notAvailable(_ description: SystemDescription) -> String {
        "Not available: the evidence could not be read from git history (\(description.evidenceProblem ?? "not collected"))."
    }

    init(_ description: SystemDescription) {
        title = "System description: \(description.system ?? "(system not named)")"
        subtitle = description.organization ?? "(organisation not named)"
        let period = description.period.map { "\($0.start) to \($0.end)" } ?? "not set in vouch.yml"
        facts = [
            DocumentFact(label: "Report", value: description.reportTitle),
            DocumentFact(label: "Period", value: period),
            DocumentFact(label: "Organisation", value: description.organization ?? "not set in vouch.yml"),
            DocumentFact(label: "System", value: description.system ?? "not set in vouch.yml"),
            DocumentFact(label: "Repository", value: description.origin.repository),
            DocumentFact(label: "Branch", value: description.origin.branch ?? "(detached commit)"),
            DocumentFact(label: "Commit", value: description.origin.commit.description),
            DocumentFact(label: "Committed", value: description.origin.commitTimeLocal),
        ]
        if !description.origin.programPath.isEmpty {
            facts.append(DocumentFact(label: "Program folder", value: description.origin.programPath))
        }
        if description.report == .soc2 {
            facts.append(DocumentFact(label: "Categories in scope", value: description.categoriesInScope.map(\.title).joined(separator: ", ")))
        }
        sections = description.report == .soc2 ? Self.soc2Sections(description) : Self.soc1Sections(description)
        sections += [Self.policiesSection(description), Self.changeManagementSection(description)]
        if let registers = description.registers { sections.append(RegisterDocumentSection.make(registers)) }
        if let runs = description.runs { sections.append(RunDocumentSection.make(runs)) }
    }

    private static func narrative(_ description: SystemDescription, _ kind: SystemSectionKind) -> NarrativeSection? {
        description.narratives.first { $0.kind == kind }
    }

    /// The narrative's blocks: its Markdown, or a visible note that its file is missing.
    private static func narrativeBlocks(_ section: NarrativeSection?, kind: SystemSectionKind, headingOffset: Int = 2, whenMissing: String? = nil) -> [DocumentBlock] {
        if let markdown = section?.markdown { return [.markdown(markdown, headingOffset: headingOffset)] }
        return [.missing(whenMissing ?? "Missing: no file in system/ provides this section (front matter: section: \(kind.rawValue)).")]
    }

    private static func narrativeSection(_ description: SystemSectionKind, in document: SystemDescription, criterion: String? = nil, title: String? = nil, extra: [DocumentBlock] = [], whenMissing: String? = nil) -> DocumentSection {
        let section = narrative(document, description)
        return DocumentSection(
            anchor: Anchor.make("section", description.rawValue), criterion: criterion, title: title ?? description.title,
            blocks: narrativeBlocks(section, kind: description, whenMissing: whenMissing) + extra)
    }

    private static func soc2Sections(_ description: SystemDescription) -> [DocumentSection] {
        let typeTwo = description.reportType == 2
        return [
            narrativeSection(.services, in: description, criterion: "DC1"),
            narrativeSection(.commitments, in: description, criterion: "DC2"),
            narrativeSection(.components, in: description, criterion: "DC3"),
            narrativeSection(.incidents, in: description, criterion: "DC4"),
            DocumentSection(
                anchor: "section-criteria-and-controls", criterion: "DC5", title: "Applicable trust services criteria and related controls",
                blocks: [.heading(SystemSectionKind.controlEnvironment.title, anchor: "section-control-environment")]
                    + narrativeBlocks(narrative(description, .controlEnvironment), kind: .controlEnvironment, headingOffset: 3)
                    + soc2MatrixBlocks(description) + controlBlocks(description.controls)),
            narrativeSection(.cuecs, in: description, criterion: "DC6", extra: userEntityControlBlocks(description)),
            narrativeSection(.subserviceOrganizations, in: description, criterion: "DC7", title: "Subservice organizations and complementary subservice organization controls", extra: subserviceBlocks(description)),
            DocumentSection(anchor: "section-excluded-criteria", criterion: "DC8", title: "Criteria not applicable to the system", blocks: exclusionBlocks(description)),
            narrativeSection(.changes, in: description, criterion: "DC9",
                             whenMissing: typeTwo ? nil : "Not required for a type \(description.reportType.map(String.init) ?? "?") report, and no file in system/ provides it."),
        ]
    }

    private static func soc1Sections(_ description: SystemDescription) -> [DocumentSection] {
        [
            narrativeSection(.services, in: description, title: "Services provided and the transaction flow"),
            narrativeSection(.components, in: description),
            narrativeSection(.controlEnvironment, in: description),
            DocumentSection(anchor: "section-objectives-and-controls", criterion: nil, title: "Control objectives and related controls",
                            blocks: soc1MatrixBlocks(description) + objectiveBlocks(description) + controlBlocks(description.controls)),
            narrativeSection(.cuecs, in: description, extra: userEntityControlBlocks(description)),
            narrativeSection(.subserviceOrganizations, in: description, extra: subserviceBlocks(description)),
            narrativeSection(.changes, in: description),
        ]
    }

    static func controlAnchor(_ id: String) -> String { Anchor.make("control", id) }

    /// One row per criterion and control, so each control's attributes sit beside the criterion.
    private static func soc2MatrixBlocks(_ description: SystemDescription) -> [DocumentBlock] {
        let byID = Dictionary(description.controls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [[DocumentCell]] = []
        for row in description.matrix.rows where row.status != .outOfScope {
            let criterion = DocumentCell("\(row.id) \(row.topic)")
            switch row.status {
            case .excluded:
                rows.append([criterion, DocumentCell("Excluded (see DC8): \(row.reason ?? "")"), "", "", "", "", "", ""])
            case .uncovered where row.controls.isEmpty:
                rows.append([criterion, DocumentCell("No control", flagged: true), "", "", "", "", "", ""])
            default:
                for covering in row.controls {
                    let control = byID[covering.id]
                    rows.append(controlRow(lead: criterion, covering: covering, control: control))
                }
            }
        }
        let outOfScope = TrustServicesCategory.allCases.filter { !description.categoriesInScope.contains($0) }.map(\.title)
        var blocks: [DocumentBlock] = [.heading("Control matrix", anchor: "control-matrix")]
        blocks.append(.paragraph(
            "Each applicable criterion with the controls that address it. Categories in scope: \(description.categoriesInScope.map(\.title).joined(separator: ", "))."
                + (outOfScope.isEmpty ? "" : " Not in scope: \(outOfScope.joined(separator: ", ")).")))
        blocks.append(.table(DocumentTable(columns: ["Criterion", "Control", "Owner", "Frequency", "Kind", "Automation", "Status", "Evidence"], rows: rows, groupsByFirstColumn: true)))
        return blocks
    }

    private static func soc1MatrixBlocks(_ description: SystemDescription) -> [DocumentBlock] {
        let byID = Dictionary(description.controls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows: [[DocumentCell]] = []
        for row in description.matrix.rows {
            let objective = DocumentCell(row.id, anchor: Anchor.make("objective", row.id))
            if row.controls.isEmpty {
                rows.append([objective, DocumentCell("No control", flagged: true), "", "", "", "", "", ""])
            }
            for covering in row.controls { rows.append(controlRow(lead: objective, covering: covering, control: byID[covering.id])) }
        }
        var blocks: [DocumentBlock] = [.heading("Control matrix", anchor: "control-matrix")]
        if description.matrix.rows.isEmpty {
            blocks.append(.missing("Missing: the program has no control objectives (objectives/*.md)."))
        } else {
            blocks.append(.table(DocumentTable(columns: ["Objective", "Control", "Owner", "Frequency", "Kind", "Automation", "Status", "Evidence"], rows: rows, groupsByFirstColumn: true)))
        }
        return blocks
    }

    private static func controlRow(lead: DocumentCell, covering: CoveringControl, control: ControlEntry?) -> [DocumentCell] {
        let status = control?.status ?? "no status"
        return [
            lead,
            DocumentCell("\(covering.id) \(covering.title)", anchor: controlAnchor(covering.id)),
            DocumentCell(control?.owner ?? "—"),
            DocumentCell(control?.frequency ?? "—"),
            DocumentCell(control?.kind ?? "—"),
            DocumentCell(control?.automation ?? "—"),
            DocumentCell(status, flagged: status != ControlStatus.implemented.rawValue),
            DocumentCell(control.map { $0.evidence.joined(separator: "; ") } ?? ""),
        ]
    }

    private static func objectiveBlocks(_ description: SystemDescription) -> [DocumentBlock] {
        guard !description.objectives.isEmpty else { return [] }
        var blocks: [DocumentBlock] = [.heading("Control objectives", anchor: "control-objectives")]
        for objective in description.objectives {
            blocks.append(.heading("\(objective.id): \(objective.title)", anchor: Anchor.make("objective", objective.id)))
            blocks.append(.markdown(objective.narrative, headingOffset: 3))
        }
        return blocks
    }

    private static func controlBlocks(_ controls: [ControlEntry]) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = [.heading("Control descriptions", anchor: "control-descriptions")]
        if controls.isEmpty { blocks.append(.missing("Missing: the program has no controls (controls/*.md).")) }
        for control in controls {
            blocks.append(.heading("\(control.id): \(control.title)", anchor: controlAnchor(control.id)))
            var facts = [
                DocumentFact(label: "Owner", value: control.owner ?? "—"),
                DocumentFact(label: "Frequency", value: control.frequency ?? "—"),
                DocumentFact(label: "Kind", value: control.kind ?? "—"),
                DocumentFact(label: "Automation", value: control.automation ?? "—"),
                DocumentFact(label: "Status", value: control.status ?? "—"),
            ]
            if !control.criteria.isEmpty { facts.append(DocumentFact(label: "Criteria", value: control.criteria.joined(separator: ", "))) }
            if !control.objectives.isEmpty { facts.append(DocumentFact(label: "Objectives", value: control.objectives.joined(separator: ", "))) }
            if !control.policies.isEmpty { facts.append(DocumentFact(label: "Policies", value: control.policies.joined(separator: ", "))) }
            if !control.evidence.isEmpty { facts.append(DocumentFact(label: "Evidence", value: control.evidence.joined(separator: "; "))) }
            facts.append(DocumentFact(label: "Source", value: control.file))
            blocks.append(.facts(facts))
            if !control.narrative.isEmpty { blocks.append(.markdown(control.narrative, headingOffset: 3)) }
        }
        return blocks
    }

    private static func userEntityControlBlocks(_ description: SystemDescription) -> [DocumentBlock] {
        guard !description.userEntityControls.isEmpty else { return [] }
        return [.table(DocumentTable(
            columns: ["ID", "Complementary user entity control", "Criteria"],
            rows: description.userEntityControls.map { [DocumentCell($0.id), DocumentCell($0.text), DocumentCell($0.criteria.joined(separator: ", "))] }))]
    }

    private static func subserviceBlocks(_ description: SystemDescription) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        for organization in description.subserviceOrganizations {
            blocks.append(.heading(organization.name, anchor: Anchor.make("subservice", organization.name)))
            blocks.append(.facts([
                DocumentFact(label: "Services", value: organization.services ?? "—"),
                DocumentFact(label: "Method", value: organization.method ?? "—"),
            ]))
            if !organization.controls.isEmpty {
                blocks.append(.table(DocumentTable(
                    columns: ["Complementary subservice organization control", "Criteria"],
                    rows: organization.controls.map { [DocumentCell($0.text), DocumentCell($0.criteria.joined(separator: ", "))] })))
            }
        }
        return blocks
    }

    private static func exclusionBlocks(_ description: SystemDescription) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        if description.exclusions.isEmpty {
            blocks.append(.paragraph("No applicable criterion is excluded (vouch.yml lists no exclusions)."))
        } else {
            blocks.append(.table(DocumentTable(
                columns: ["Criterion", "Topic", "Reason it does not apply"],
                rows: description.exclusions.map { [DocumentCell($0.criterion), DocumentCell($0.topic), DocumentCell($0.reason.isEmpty ? "No reason given" : $0.reason, flagged: $0.reason.isEmpty)] })))
        }
        let outOfScope = TrustServicesCategory.allCases.filter { !description.categoriesInScope.contains($0) }
        if !outOfScope.isEmpty {
            blocks.append(.paragraph("Categories not in the scope of this report: \(outOfScope.map(\.title).joined(separator: ", "))."))
        }
        return blocks
    }

    private static func policiesSection(_ description: SystemDescription) -> DocumentSection {
        var blocks: [DocumentBlock] = []
        if !description.policyApprovalsCollected { blocks.append(.missing("Approval history: \(notAvailable(description))")) }
        if description.policies.isEmpty {
            blocks.append(.missing("Missing: the program has no policies (policies/*.md)."))
        } else {
            let unknown = description.policyApprovalsCollected ? "no approved change" : "not available"
            blocks.append(.table(DocumentTable(
                columns: ["Policy", "Title", "Owner", "Version", "Effective", "Last approved change", "Commit", "Approver", "Changed since"],
                rows: description.policies.map { policy in
                    [
                        DocumentCell(policy.id), DocumentCell(policy.title), DocumentCell(policy.owner ?? "—"),
                        DocumentCell(policy.version ?? "—"), DocumentCell(policy.effective ?? "—"),
                        DocumentCell(policy.lastApproval?.date ?? unknown, flagged: policy.lastApproval == nil),
                        DocumentCell(policy.lastApproval.map { String($0.commit.prefix(12)) } ?? "—"),
                        DocumentCell(policy.lastApproval?.approvers.joined(separator: ", ") ?? "—"),
                        policy.unapprovedChange.map { DocumentCell("\($0.date), \($0.commit.prefix(12)), not approved", flagged: true) } ?? DocumentCell("—"),
                    ]
                })))
        }
        return DocumentSection(anchor: "section-policies", criterion: nil, title: "Policies", blocks: blocks)
    }

    private static func changeManagementSection(_ description: SystemDescription) -> DocumentSection {
        var blocks: [DocumentBlock] = []
        if let changes = description.changes {
            blocks.append(.facts([
                DocumentFact(label: "Population", value: changes.population == 1 ? "1 change" : "\(changes.population) changes"),
                DocumentFact(label: "Period", value: changes.selection),
                DocumentFact(label: "History read from", value: changes.tip ?? "no commit"),
                DocumentFact(label: "Digest", value: changes.digest),
                DocumentFact(label: "Flagged for attention", value: "\(changes.flagged) changes (sensitive paths and other notes, not exceptions)"),
                DocumentFact(label: "Full population", value: "evidence/changes.json and evidence/changes.csv"),
            ]))
            blocks.append(.table(DocumentTable(
                columns: ["Mechanism", "Changes"],
                rows: changes.mechanisms.map { [DocumentCell($0.mechanism), DocumentCell(String($0.count))] })))
            blocks.append(.heading("Exceptions (\(changes.exceptions.count))", anchor: "change-exceptions"))
            if changes.exceptions.isEmpty {
                blocks.append(.paragraph("No exception: every change in the population met the change-management requirements."))
            } else {
                blocks.append(.table(DocumentTable(
                    columns: ["Commit", "Date", "Author", "Subject", "Rule", "Exception"],
                    rows: changes.exceptions.map {
                        [DocumentCell(String($0.commit.prefix(12))), DocumentCell($0.date), DocumentCell($0.author), DocumentCell($0.subject),
                         DocumentCell("\($0.rule) (\($0.severity))"), DocumentCell($0.message, flagged: true)]
                    })))
            }
        } else {
            blocks.append(.missing("Change population: \(notAvailable(description))"))
        }
        return DocumentSection(anchor: "section-change-management", criterion: nil, title: "Change management during the period", blocks: blocks)
    }
}
