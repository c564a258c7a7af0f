import Foundation
import Report
import Testing

/// Opens the HTML report in real headless Chromium (Debian's `chromium`, installed by `make test`) and checks the
/// DOM a QA person gets: the verdict, one row per finding, and no element injected by shop text.
@Suite struct BrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first(where: FileManager.default.isExecutableFile)
    }

    func dumpDOM(_ html: Data) throws -> String {
        let chromium = try #require(Self.chromium, "chromium is not installed: run `make test`, which installs it")
        let folder = NSTemporaryDirectory() + "omniaudit-browser-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/omniaudit.html"
        try html.write(to: URL(fileURLWithPath: file))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["90", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--user-data-dir=\(folder)/profile", "--virtual-time-budget=2000", "--dump-dom", "file://\(file)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["OMNIAUDIT_SKIP_BROWSER"] == nil))
    func theReportRendersSafelyInChromium() throws {
        let dom = try dumpDOM(try HTMLReporter().render(SampleReport.make()))
        #expect(dom.contains("id=\"verdict\""))
        #expect(dom.contains("FAIL — 1 finding at or above “error”"))
        #expect(dom.components(separatedBy: "<tr class=\"finding").count - 1 == 2)
        // Shop text stays text: the DOM holds no element it tried to inject.
        #expect(!dom.contains("<img src=\"x\""))
        #expect(!dom.contains("<script>alert"))
        #expect(dom.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
    }
}
