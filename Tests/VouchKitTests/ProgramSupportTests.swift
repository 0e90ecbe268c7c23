import Testing
// The did-you-mean distance and the key lists it searches are internal; diagnostics show only
// their result, so these cases pin the helpers down directly.
@testable import VouchKit

@Suite struct ProgramSupportTests {
    @Test func suggestionsPreferCaseAndCloseEdits() {
        #expect(DidYouMean.suggestions(for: "critera", in: DocumentDecoder.controlKeys) == ["criteria"])
        #expect(DidYouMean.suggestions(for: "OWNER", in: DocumentDecoder.controlKeys) == ["owner"])
        #expect(DidYouMean.suggestions(for: "zzzzzz", in: DocumentDecoder.controlKeys).isEmpty)
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
    }

    @Test func jsonEscapesAndKeepsKeyOrder() {
        let value = JSONValue.object([("b", .string("quote \" slash \\ line\n\u{1}")), ("a", .array([.int(1), .bool(true), .null]))])
        #expect(value.serialized(pretty: false) == #"{"b":"quote \" slash \\ line\n\u0001","a":[1,true,null]}"#)
    }

    @Test func csvQuotesAndDefusesFormulas() {
        #expect(CSV.cell("plain") == "plain")
        #expect(CSV.cell("a,b") == "\"a,b\"")
        #expect(CSV.cell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSV.cell("-1.5") == "-1.5")
        #expect(CSV.document(header: ["a"], rows: [["1"]]) == "a\r\n1\r\n")
    }

    @Test func identitiesParseLikeGit() {
        #expect(Identity(parsing: "Dana Reyes <dana@example.com>") == Identity(name: "Dana Reyes", email: "dana@example.com"))
        #expect(Identity(parsing: "dana@example.com") == Identity(name: "", email: "dana@example.com"))
        #expect(Identity(parsing: "Dana Reyes") == nil)
        #expect(Identity(parsing: "Dana <not an email>") == nil)
    }

    @Test func criterionReferencesParseFrameworkPrefixes() {
        #expect(CriterionReference(parsing: "CC8.1") == CriterionReference(id: "CC8.1"))
        #expect(CriterionReference(parsing: "ISO27001:A.5.1") == CriterionReference(framework: "iso27001", id: "A.5.1"))
        #expect(CriterionReference(parsing: "iso27001:A.5.1").description == "iso27001:A.5.1")
    }

    @Test func idConventions() {
        #expect(IDFormatRule.isNumberedID("CM-01"))
        #expect(IDFormatRule.isNumberedID("ACCESS-REVIEW-12"))
        #expect(!IDFormatRule.isNumberedID("CM01"))
        #expect(!IDFormatRule.isNumberedID("cm-01"))
        #expect(!IDFormatRule.isNumberedID("CM-"))
        #expect(IDFormatRule.isWordID("change-management"))
        #expect(!IDFormatRule.isWordID("Change-Management"))
        #expect(!IDFormatRule.isWordID("change--management"))
    }

    @Test func gitLinkTargetsStayInsideTheRepository() {
        #expect(GitFileSource.resolve(link: "controls/a.md", target: "b.md") == "controls/b.md")
        #expect(GitFileSource.resolve(link: "controls/a.md", target: "../common/b.md") == "common/b.md")
        #expect(GitFileSource.resolve(link: "controls/a.md", target: "../../etc/passwd") == nil)
        #expect(GitFileSource.resolve(link: "controls/a.md", target: "/etc/passwd") == nil)
    }
}
