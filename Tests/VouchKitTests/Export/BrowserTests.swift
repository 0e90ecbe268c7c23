import Foundation
import Testing
import VouchKit

/// The exported HTML in a real browser (Debian's `chromium`, which script/test installs).
@Suite struct BrowserTests {
    static let chromium: URL? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    /// Where the screenshot goes, to look at after a run.
    static let screenshotFolder = TestSupport.packageRoot.appendingPathComponent(".build/export-browser")

    /// Headless, with every name resolving to nothing and the browser's own background traffic off.
    static func run(_ arguments: [String], profile: URL, in folder: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run(try #require(chromium), [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(profile.path)",
        ] + arguments, in: folder)
    }

    /// Hosts the browser itself calls (time, updates, accounts) whatever the page holds.
    static func isBrowserHousekeeping(_ url: String) -> Bool {
        guard let host = URL(string: url)?.host else { return false }
        return ["google.com", "googleapis.com", "gvt1.com", "gstatic.com"].contains { host == $0 || host.hasSuffix("." + $0) }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed; script/test installs it (apt-get install chromium)"))
    func hostileControlRendersInertWithoutScriptsOrRequests() throws {
        let fixture = try ExportFixture(extraFiles: [HostileControl.path: HostileControl.file])
        let package = try fixture.package(formats: [.html])
        let folder = try TemporaryDirectory()
        let page = folder.url.appendingPathComponent("system-description.html")
        try Data(try #require(package.file("system-description.html")).bytes).write(to: page)

        let dump = try Self.run(["--enable-logging=stderr", "--v=1", "--dump-dom", page.absoluteString], profile: folder.url.appendingPathComponent("profile-dom"), in: folder.url)
        let dom = dump.stdout
        #expect(dom.contains("</html>"), "chromium printed no DOM: \(dump.stderr.suffix(2000))")
        for element in ["<script", "<img", "<iframe", "<object", "<embed", "<link", "<base", "<form"] {
            #expect(!dom.lowercased().contains(element), "the DOM has \(element)")
        }
        #expect(dom.range(of: #"<[^>]*\s(src|on[a-z]+)\s*="#, options: [.regularExpression, .caseInsensitive]) == nil, "a src or event attribute")
        #expect(!dom.lowercased().contains("href=\"javascript"))
        #expect(!dom.contains("url("), "no stylesheet fetches anything")
        // The hostile text is on the page, as text.
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(dom.contains("Inline &lt;img src=x onerror=alert(1)&gt; tag"))
        #expect(dom.contains("ZZ-01: &lt;script&gt;alert(\"title\")&lt;/script&gt;"))
        let requests = dump.stderr.split(separator: "\n")
            .filter { $0.contains("NotifyBeforeURLRequest") }
            .compactMap { $0.components(separatedBy: "NotifyBeforeURLRequest: ").last }
            .filter { $0.hasPrefix("http") && !Self.isBrowserHousekeeping($0) }
        #expect(requests.isEmpty, "the page made requests: \(requests)")

        try FileManager.default.createDirectory(at: Self.screenshotFolder, withIntermediateDirectories: true)
        let screenshot = Self.screenshotFolder.appendingPathComponent("system-description.png")
        try? FileManager.default.removeItem(at: screenshot)
        let shot = try Self.run(["--screenshot=\(screenshot.path)", "--window-size=1200,2400", "--hide-scrollbars", page.absoluteString],
                                profile: folder.url.appendingPathComponent("profile-shot"), in: folder.url)
        let size = (try? FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "no screenshot rendered: \(shot.stderr.suffix(2000))")
    }
}
