import Foundation
import Report
import Testing

/// Opens the HTML report in real headless Chromium (Debian's `chromium`, installed by `make test`) and checks the
/// DOM a QA person gets: the verdict, one row per finding, and no element injected by shop text.
@Suite struct BrowserTests {
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first(where: FileManager.default.isExecutableFile)
    }

    /// Loads the page (with a URL fragment) in headless Chromium; returns the DOM after scripts ran and the
    /// console lines the page logged (errors included).
    func load(_ html: Data, fragment: String = "") throws -> (dom: String, console: [String]) {
        let chromium = try #require(Self.chromium, "chromium is not installed: run `make test`, which installs it")
        let folder = NSTemporaryDirectory() + "omniaudit-browser-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/omniaudit.html"
        try html.write(to: URL(fileURLWithPath: file))
        let log = folder + "/stderr.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["90", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--enable-logging=stderr", "--v=0", "--user-data-dir=\(folder)/profile",
                             "--virtual-time-budget=2000", "--dump-dom", "file://\(file)\(fragment)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let console = (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n")
            .filter { $0.contains(":CONSOLE") }.map(String.init) ?? []
        return (String(decoding: data, as: UTF8.self), console)
    }

    func dumpDOM(_ html: Data) throws -> String { try load(html).dom }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["OMNIAUDIT_SKIP_BROWSER"] == nil))
    func aCappedRuleSaysHowManyMoreWhateverTheSort() throws {
        let html = try HTMLReporter().render(SampleReport.flood(1_000))
        let (dom, console) = try load(html, fragment: "#sort=product")
        #expect(console.isEmpty, "\(console)")
        #expect(dom.contains("200 of 200 findings shown (the page holds 200 of the 1000; the JSON report lists every one)"))
        // Sorting moves the rows; the line saying how many more stays the table's last.
        let body = try #require(dom.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first)
        let rows = body.components(separatedBy: "<tr").dropFirst()
        #expect(rows.last?.hasPrefix(" class=\"more\"") == true)
        #expect(rows.count == 201)
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["OMNIAUDIT_SKIP_BROWSER"] == nil))
    func aFilterInTheURLFragmentHidesOtherFindingsWithoutConsoleErrors() throws {
        let html = try HTMLReporter().render(SampleReport.make())
        let (dom, console) = try load(html, fragment: "#rule=price-mismatch&q=olio")
        #expect(console.isEmpty, "\(console)")
        // Each row's start tag: its data attributes and whether the script hid it.
        let rows = dom.components(separatedBy: "<tr class=\"finding").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(rows.count == 2)
        #expect(rows.filter { $0.contains("data-rule=\"missing-in-channel\"") }.allSatisfy { $0.contains(" hidden=\"\"") })
        #expect(rows.filter { $0.contains("data-rule=\"price-mismatch\"") }.allSatisfy { !$0.contains(" hidden=\"\"") })
        #expect(dom.contains("1 of 2 findings shown"))
        #expect(!dom.contains("<form id=\"filters\" class=\"filters\" hidden"))  // the bar shows once the script ran
        let (byProduct, _) = try load(html, fragment: "#view=product")
        #expect(byProduct.contains("<div id=\"by-rule\" hidden=\"\""))
        let (none, noErrors) = try load(html)
        #expect(noErrors.isEmpty && none.contains("2 of 2 findings shown"))
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
