/// Program files for the register rules' examples: a vendor, a risk or a roster beside one
/// implemented control (`AC-01`, CC6.1) and one policy (`security`) they can refer to.
enum RegisterExample {
    static let control = "---\nid: AC-01\ntitle: Access\nstatus: implemented\nowner: CISO\ncriteria: [CC6.1]\nevidence: [Access review]\n---\nText.\n"
    static let policy = "---\nid: security\ntitle: Security Policy\nowner: CISO\napprovers: [\"Dana Reyes <dana@example.com>\"]\nversion: \"1\"\neffective: 2026-03-01\n---\nText.\n"
    /// SHA-256 of the text `report`, the content of `vendors/reports/r.pdf` in the examples.
    static let reportDigest = "845e91831319e89c4d656bdb80c278ac09a7230d61e5dfd2e1b1fbb436ac8917"

    static func files(_ extra: [String: String]) -> RuleExample {
        .program(["controls/ac-01.md": control, "policies/security.md": policy].merging(extra) { $1 })
    }

    /// A vendor file (`vendors/v.md`) with the given front matter, and a report file.
    static func vendor(_ frontMatter: String, body: String = "Why we use them.") -> RuleExample {
        files(["vendors/v.md": "---\n\(frontMatter)\n---\n\(body)\n", "vendors/reports/r.pdf": "report"])
    }

    /// A critical vendor (`subservice` as given) with a SOC 2 report for `period`, bridged through `bridge`.
    static func soc2Vendor(period: String = "{ start: 2025-10-01, end: 2026-09-30 }", bridge: String? = nil, review: String = "2026-06-01", subservice: String = "no") -> RuleExample {
        vendor("""
            id: cloud
            name: Cloud Host
            criticality: critical
            subservice: \(subservice)
            assurance:
              - kind: soc2
                type: 2
                period: \(period)
                opinion: unqualified\(bridge.map { "\n    bridge_letter: { through: \($0) }" } ?? "")
            review: { last: \(review), interval_days: 365 }
            """)
    }

    /// A risk file (`risks/r.md`) with the given front matter.
    static func risk(_ frontMatter: String, configuration: String? = nil) -> RuleExample {
        var extra = ["risks/r.md": "---\n\(frontMatter)\n---\nScenario.\n"]
        if let configuration { extra["vouch.yml"] = configuration }
        return files(extra)
    }

    static let riskFields = "title: Credential theft\ncategory: security\nlikelihood: 3\nimpact: 4\nowner: CISO"

    /// A roster (`people/people.csv`) with the given rows under the full header.
    static func people(_ rows: String, extra: [String: String] = [:]) -> RuleExample {
        files(["people/people.csv": "name,email,aliases,role,team,start,end,policies_required\n" + rows].merging(extra) { $1 })
    }
}
