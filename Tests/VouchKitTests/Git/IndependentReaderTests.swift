import Foundation
import Testing
import VouchKit

@Suite struct IndependentReaderTests {
    /// libgit2 shares one reader per pack file between every object database that names the pack
    /// by the same path; the history walk's second thread relies on `independentReader()` getting
    /// a reader of its own (ReadTuning.separateObjectsPath). Each pack reader maps the pack's
    /// index, so the process's mappings of that index count the readers: two ordinary handles
    /// share one, the independent reader adds a second. If the path trick stopped working, the
    /// walk's threads would wait on each other again, and this count would say so.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/maps"), "counts mappings in /proc/self/maps"))
    func independentReaderHasAPackReaderOfItsOwn() throws {
        let git = try GitFixture()
        for number in 1...3 { try git.commit("change \(number)\n", files: ["file\(number).txt": "\(number)\n"]) }
        try git.run(["gc", "-q"])
        let packFolder = git.url.appendingPathComponent(".git/objects/pack")
        let index = try #require(try FileManager.default.contentsOfDirectory(atPath: packFolder.path).first { $0.hasSuffix(".idx") })
        let tip = try #require(ObjectID(hex: try git.run(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)))
        func mappingsOfIndex() throws -> Int {
            // procfs reports a size of 0, so read to the end rather than by the file's size.
            let maps = try #require(FileHandle(forReadingAtPath: "/proc/self/maps")).readToEnd() ?? Data()
            return String(decoding: maps, as: UTF8.self).split(separator: "\n").filter { $0.hasSuffix(index) }.count
        }

        let first = try Repository.open(at: git.url.appendingPathComponent(".git").path)
        _ = try first.commit(tip)
        let second = try Repository.open(at: git.url.appendingPathComponent(".git").path)
        _ = try second.commit(tip)
        #expect(try mappingsOfIndex() == 1, "two ordinary handles share the pack's reader")

        let independent = try first.independentReader()
        _ = try independent.commit(tip)
        #expect(try mappingsOfIndex() == 2, "the independent reader maps the pack's index through a reader of its own")
        withExtendedLifetime((first, second, independent)) {}
    }
}
