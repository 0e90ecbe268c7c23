/// The 61 Trust Services Criteria (2017, points of focus revised 2022) by ID and category.
///
/// The topics are Vouch's own short summaries, to help people find their way; the criteria's
/// text belongs to the AICPA and is not reproduced here.
public enum SOC2Catalog {
    public static let catalog = Catalog(key: CriterionReference.soc2Key, name: "SOC 2 Trust Services Criteria", entries: entries)

    private static func entry(_ id: String, _ category: TrustServicesCategory, _ topic: String) -> CatalogEntry {
        CatalogEntry(id: id, category: category.rawValue, topic: topic)
    }

    private static let entries: [CatalogEntry] = [
        entry("CC1.1", .security, "Integrity and ethical values set by leadership"),
        entry("CC1.2", .security, "Independent board oversight of internal control"),
        entry("CC1.3", .security, "Structures, reporting lines and authorities"),
        entry("CC1.4", .security, "Attracting, developing and keeping competent people"),
        entry("CC1.5", .security, "Holding people accountable for their control duties"),
        entry("CC2.1", .security, "Quality information that supports internal control"),
        entry("CC2.2", .security, "Internal communication of objectives and responsibilities"),
        entry("CC2.3", .security, "Communication with customers and other external parties"),
        entry("CC3.1", .security, "Objectives clear enough to assess the risks to them"),
        entry("CC3.2", .security, "Identifying and analysing risks"),
        entry("CC3.3", .security, "Considering the potential for fraud"),
        entry("CC3.4", .security, "Assessing changes that could affect internal control"),
        entry("CC4.1", .security, "Ongoing and separate evaluations of controls"),
        entry("CC4.2", .security, "Reporting and correcting control deficiencies"),
        entry("CC5.1", .security, "Choosing control activities that reduce risks"),
        entry("CC5.2", .security, "General controls over technology"),
        entry("CC5.3", .security, "Putting controls in place through policies and procedures"),
        entry("CC6.1", .security, "Logical access software, infrastructure and architecture"),
        entry("CC6.2", .security, "Registering and authorising users before granting access"),
        entry("CC6.3", .security, "Role-based access changes, least privilege and removal"),
        entry("CC6.4", .security, "Restricting physical access to facilities and assets"),
        entry("CC6.5", .security, "Protecting data when assets are retired or disposed of"),
        entry("CC6.6", .security, "Defending the system boundary against outside threats"),
        entry("CC6.7", .security, "Protecting data while it is transmitted or moved"),
        entry("CC6.8", .security, "Preventing and detecting unauthorised or malicious software"),
        entry("CC7.1", .security, "Detecting configuration changes and new vulnerabilities"),
        entry("CC7.2", .security, "Monitoring components for anomalies and attacks"),
        entry("CC7.3", .security, "Evaluating security events to recognise incidents"),
        entry("CC7.4", .security, "Responding to security incidents"),
        entry("CC7.5", .security, "Recovering from security incidents"),
        entry("CC8.1", .security, "Managing changes to infrastructure, data, software and procedures"),
        entry("CC9.1", .security, "Reducing the risk of business disruption"),
        entry("CC9.2", .security, "Managing risks from vendors and business partners"),
        entry("A1.1", .availability, "Capacity planning and demand management"),
        entry("A1.2", .availability, "Environmental protection, backups and recovery infrastructure"),
        entry("A1.3", .availability, "Testing the recovery plan"),
        entry("C1.1", .confidentiality, "Identifying and keeping confidential information protected"),
        entry("C1.2", .confidentiality, "Disposing of confidential information"),
        entry("PI1.1", .processingIntegrity, "Defining and communicating what processing must achieve"),
        entry("PI1.2", .processingIntegrity, "Complete and accurate system inputs"),
        entry("PI1.3", .processingIntegrity, "Processing that meets its specifications"),
        entry("PI1.4", .processingIntegrity, "Complete, accurate and timely outputs"),
        entry("PI1.5", .processingIntegrity, "Storing inputs, work in progress and outputs accurately"),
        entry("P1.1", .privacy, "Notice to data subjects about privacy practices"),
        entry("P2.1", .privacy, "Choice and consent over collection, use and disclosure"),
        entry("P3.1", .privacy, "Collecting personal information only for stated objectives"),
        entry("P3.2", .privacy, "Explicit consent where collection requires it"),
        entry("P4.1", .privacy, "Using personal information only for its stated purposes"),
        entry("P4.2", .privacy, "Retaining personal information"),
        entry("P4.3", .privacy, "Disposing of personal information securely"),
        entry("P5.1", .privacy, "Giving data subjects access to their information"),
        entry("P5.2", .privacy, "Correcting and amending personal information"),
        entry("P6.1", .privacy, "Disclosing personal information to third parties with consent"),
        entry("P6.2", .privacy, "Recording authorised disclosures"),
        entry("P6.3", .privacy, "Recording unauthorised disclosures"),
        entry("P6.4", .privacy, "Commitments from vendors that handle personal information"),
        entry("P6.5", .privacy, "Vendors reporting unauthorised disclosures"),
        entry("P6.6", .privacy, "Notifying affected parties of breaches"),
        entry("P6.7", .privacy, "Accounting for personal information held and disclosed"),
        entry("P7.1", .privacy, "Keeping personal information accurate, complete and relevant"),
        entry("P8.1", .privacy, "Handling privacy inquiries, complaints and disputes"),
    ]

    /// The category of a SOC 2 criterion ID, if the ID is in the catalog.
    public static func category(of id: String) -> TrustServicesCategory? {
        catalog.entry(id).flatMap { $0.category }.flatMap(TrustServicesCategory.init(rawValue:))
    }

    /// The IDs of the series an unknown ID seems to belong to ("CC6.9" → CC6.1…CC6.8).
    public static func series(near id: String) -> [String] {
        guard let dot = id.firstIndex(of: ".") else { return [] }
        let prefix = id[...dot].uppercased()
        return catalog.entries.map(\.id).filter { $0.hasPrefix(prefix) }
    }
}
