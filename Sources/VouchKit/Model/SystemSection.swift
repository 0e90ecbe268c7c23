/// The sections of a system description, in the order of the AICPA description criteria.
public enum SystemSectionKind: String, CaseIterable, Sendable, Codable {
    case services
    case commitments
    case components
    case incidents
    case controlEnvironment = "control-environment"
    case cuecs
    case subserviceOrganizations = "subservice-organizations"
    case changes

    /// The description criterion the section answers. DC8 (excluded criteria) comes from `vouch.yml`.
    public var descriptionCriterion: String {
        switch self {
        case .services: "DC1"
        case .commitments: "DC2"
        case .components: "DC3"
        case .incidents: "DC4"
        case .controlEnvironment: "DC5"
        case .cuecs: "DC6"
        case .subserviceOrganizations: "DC7"
        case .changes: "DC9"
        }
    }

    public var title: String {
        switch self {
        case .services: "Types of services provided"
        case .commitments: "Principal service commitments and system requirements"
        case .components: "Components of the system"
        case .incidents: "Significant incidents"
        case .controlEnvironment: "Control environment, risk assessment, information and communication, monitoring"
        case .cuecs: "Complementary user entity controls"
        case .subserviceOrganizations: "Subservice organizations"
        case .changes: "Significant changes during the period"
        }
    }

    /// Sections that several files may share (the control environment is often split).
    public var allowsSeveralFiles: Bool { self == .controlEnvironment }
}

/// A control that the service organisation expects its customers to operate.
public struct ComplementaryUserEntityControl: Sendable {
    public var id: Located<String>
    public var text: Located<String>
    public var criteria: [Located<CriterionReference>]
}

public enum SubserviceMethod: String, CaseIterable, Sendable, Codable {
    case carveOut = "carve-out"
    case inclusive
}

/// A control the service organisation relies on a subservice organisation to operate.
public struct ComplementarySubserviceControl: Sendable {
    public var text: Located<String>
    public var criteria: [Located<CriterionReference>]
}

public struct SubserviceOrganization: Sendable {
    public var name: Located<String>
    public var services: Located<String>?
    public var method: Located<SubserviceMethod>?
    public var controls: [ComplementarySubserviceControl]
}

/// One `system/*.md` file.
public struct SystemSection: Sendable {
    public var file: String
    public var kind: Located<SystemSectionKind>
    public var title: Located<String>?
    public var body: Located<String>
    public var userEntityControls: [ComplementaryUserEntityControl]
    public var subserviceOrganizations: [SubserviceOrganization]
}
