import Foundation
import Testing
import VouchKit

@Suite struct TreeComparerTests {
    /// The comparison agrees with `git diff --name-only` (files, folders that became files and
    /// the reverse, names that sort differently as files and as folders), with and without a filter.
    @Test func agreesWithGitDiff() throws {
        let git = try GitFixture()
        try git.commit("one\n", files: ["a.txt": "1", "foo": "file", "foo.bar/x": "1", "foo-bar": "1", "src/x.swift": "1", "src/deep/y.swift": "1",
                                        "docs/CODEOWNERS": "1", ".mailmap": "1", "bar/inner.txt": "folder", "same/kept.txt": "1"])
        try git.run(["rm", "-q", "foo", "-r", "bar"])
        try git.commit("two\n", files: ["foo/inner.txt": "now a folder", "bar": "now a file", "foo.bar/x": "2", "src/deep/y.swift": "2",
                                        "docs/CODEOWNERS": "2", ".mailmap": "2", "z.txt": "new", "src/new/file.swift": "new"])
        try git.run(["rm", "-q", "a.txt"])
        try git.commit("three\n", files: ["src/x.swift": "3"])
        let repository = try #require(try Repository.discover(from: git.url.path))
        func tree(_ revision: String) throws -> ObjectID {
            try #require(ObjectID(hex: try git.run(["rev-parse", "\(revision)^{tree}"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        func gitDiff(_ old: String, _ new: String, _ paths: [String] = []) throws -> [String] {
            try git.run(["diff", "--name-only", "--no-renames", old, new, "--"] + paths).split(separator: "\n").map(String.init)
        }
        let comparer = TreeComparer(repository: repository)
        for (old, new) in [("HEAD~2", "HEAD~1"), ("HEAD~1", "HEAD"), ("HEAD~2", "HEAD"), ("HEAD", "HEAD~2")] {
            let expected = try gitDiff(old, new)
            #expect(try comparer.changedPaths(from: tree(old), to: tree(new)) == expected)
            let patterns = PathPatternSet(["foo", "bar", "docs/CODEOWNERS", ".mailmap", "src/deep/**"])
            #expect(try comparer.changedPaths(from: tree(old), to: tree(new), filter: patterns.treeFilter) == gitDiff(old, new, ["foo", "bar", "docs/CODEOWNERS", ".mailmap", "src/deep"]))
        }
        let root = try #require(try git.run(["rev-list", "--max-parents=0", "HEAD"]).split(separator: "\n").first.map(String.init))
        #expect(try comparer.changedPaths(from: nil, to: tree(root)) == git.run(["ls-tree", "-r", "--name-only", root]).split(separator: "\n").map(String.init))
    }
}
