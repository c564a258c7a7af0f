import CLibXML2
@testable import Extract
import Foundation
import Testing

/// Taking `<script>`/`<style>` bodies out before libxml2 parses a page and putting them back after
/// (`RawTextBodies`), and parsing inside a `MarkupArena` session, must give exactly the tree `htmlReadMemory`
/// gives for the page itself: node for node, names, text, attributes and line numbers.
@Suite struct RawTextBodiesTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// The tree libxml2 builds from the page as it is.
    static func plainTree(_ data: Data, encoding: String?) -> xmlDocPtr? {
        data.withUnsafeBytes { raw in
            htmlReadMemory(raw.baseAddress!.assumingMemoryBound(to: CChar.self), Int32(raw.count), "page.html", encoding, options)
        }
    }

    /// A line per node: depth, type, name, line, text and attributes.
    static func dump(_ doc: xmlDocPtr) -> [String] { TreeDump.lines(doc) }

    /// Parses the page both ways and compares; returns whether the bodies were taken out.
    @discardableResult
    static func check(_ data: Data, encoding: String?, _ name: String) -> Bool {
        guard let plain = plainTree(data, encoding: encoding) else { return false }
        defer { xmlFreeDoc(plain) }
        let expected = dump(plain)
        var used = false
        MarkupArena.session {
            guard let fast = RawTextBodies(data, encoding: encoding)?.parse(url: "page.html", options: options) else { return }
            used = true
            #expect(dump(fast) == expected, "\(name): bodies taken out")
        }
        MarkupArena.session {
            guard let tree = MarkupTree(html: data, url: "page.html", encoding: encoding) else { return }
            #expect(dump(tree.document) == expected, "\(name): MarkupTree")
        }
        return used
    }

    static let script = String(repeating: "var a = 1; if (a < 2 && b > 3) { log('x</div>y'); }\n", count: 4)

    /// A product page around the given head and body parts.
    static func page(_ head: String, _ body: String, charset: String? = "utf-8") -> String {
        "<!doctype html><html><head>" + (charset.map { "<meta charset=\"\($0)\">" } ?? "") + "<title>T</title>\n\(head)\n"
            + "</head><body>\n<script>\(script)</script>\n\(body)\n<h1 class=\"title\">P</h1>\n"
            + "<div class=\"price\"><span>19,90 €</span></div>\n</body></html>\n"
    }

    static let s = script
    /// Pages that put scripts where a scan could be fooled, or that libxml2 reads other than as UTF-8.
    static let cases: [(name: String, html: String)] = [
        ("close variants", page("<script>\(s)</SCRIPT>\n<script>\(s)</scriptx>\n<script>\(s)</Script >", "")),
        ("comments", page("<!-- <script>\(s)</script> -->\n<!-- a -- b --> <script>\(s)</script>", "<!-->" + "<script>\(s)</script>")),
        ("self-closing", page("<script src=x />\(s)<script src=/a/b/>\(s)</script>", "<script src=\"a.js\"/>\n<p>\(s)</p>")),
        ("quoted >", page("<script data-x=\"a>b\" data-y='c>d'>\(s)</script>\n<style media=\"(a>b)\">\(s)</style>", "")),
        ("controls", page("<script>\(s)\u{0C}\u{01}\(s)</script>\n<script>\(s)\u{00}\(s)</script>\n<style>\(s)\u{0B}</style>", "")),
        ("noncharacters", page("<script>\(s)\u{FFFE}\u{FFFF}\(s)</script>", "")),
        ("script in a price box", page("", "<div class=\"price-box\"><span class=\"price\">24,90 €</span><script>\(s)</script></div>")),
        ("svg style", page("<style>\(s)</style>", "<svg><style>.a{fill:red}\(s)</style><script>\(s)</script></svg>")),
        ("marker text", page("<script>var m='@\u{7F}0@';\(s)</script>", "")),
        ("contexts", page("<title>x<script>\(s)</script></title>", "<textarea><script>\(s)</script></textarea><noscript><script>\(s)</script>"
            + "<style>\(s)</style></noscript><div title=\"<script>\(s)</script>\">t</div><template><script>\(s)</script></template>")),
        ("crlf", page(String(repeating: "<script>\r\n\(s.replacingOccurrences(of: "\n", with: "\r\n"))\r\n</script>\r\n", count: 3),
                      String(repeating: "<style>\n\n\n\(s)\n\n</style>\n", count: 4))),
        ("blank bodies", page("<script>" + String(repeating: " ", count: 100) + "</script><script>" + String(repeating: "\n", count: 100)
            + "</script><style>" + String(repeating: "\t \r\n", count: 40) + "</style>", "")),
        ("nested", page("<script>document.write('<script src=a.js><\\/script>');\(s)</script>", "<script>var t='<style>\(s)</style>';</script>")),
        ("other names", page("<scriptfoo>\(s)</scriptfoo><styles>\(s)</styles>", "<script>var a='<style>';\(s)</script>")),
        ("unterminated comment", page("<script>\(s)</script>", "") + "<!-- never closed <script>\(s)"),
        ("unterminated script", page("<script>\(s)</script>", "") + "<script>\(s)"),
        ("unterminated tag", page("<script>\(s)</script>", "") + "<script src=\"x\(s)"),
        ("multibyte", page("<script>var s='日本語 😀 Ünïcödé €';\(s)</script>", "<p>日本語</p>")),
        ("upper case", page("<SCRIPT TYPE=text/javascript>\(s)</SCRIPT><STYLE>\(s)</STYLE>", "<Script>\(s)</sCrIpT>")),
        ("stray quotes", page("<script data-x=a\"b>\(s)</script>", "<script data-y=a'b'>\(s)</script>")),
        ("charset after a script", "<html><head><script>\(s)</script><meta charset=\"utf-8\"></head><body><h1>L</h1></body></html>"),
        ("table and select", page("", "<table><script>\(s)</script><tr><td>1</td><style>\(s)</style></tr></table>"
            + "<select><script>\(s)</script><option selected>M</option></select>")),
        ("many scripts", page((0..<300).map { "<script>var x\($0)=\($0);\(s)</script>" }.joined(), "")),
        ("frameset", "<html><head><script>\(s)</script></head><frameset><script>\(s)</script></frameset></html>"),
        ("no charset", page("<script>\(s)</script>", "", charset: nil)),
        ("long attributes", page("", "<div class=\"\(long)\" data-json='{\"a\":\"\(long)\"}' style=\"\(long)\n\(long)\">x</div>"
            + "<img srcset=\"/a.jpg?w=1&amp;h=2 \(long)\" alt=\"\(long)&lt;\">"
            + "<a name=\"\(long)\" id=\"\(long)\" xml:id=\"\(long)\" href=\"\(long)\">a</a>"
            + "<p title=\(long) lang=\"\(long)\u{0C}\">unquoted, control</p><p data-x=\"\(long)\" data-x=\"\(long)2\">twice</p>")),
        ("attributes of misplaced tags", page("<meta name=\"description\" content=\"\(long)\">", "<body class=\"\(long)\">"
            + "<html lang=\"\(long)\"><head data-y=\"\(long)\"></head><svg><path d=\"\(long)\"/></svg>")),
        ("attribute with the marker", page("", "<div title=\"@\u{7F}0@\" class=\"\(long)\">x</div>")),
        ("medium attributes", page("", "<div class=\"\(String(long.prefix(31)))\" title=\"\(String(long.prefix(32)))\">"
            + "<a href=\"/p/\(String(long.prefix(45)))\" data-a=\"\(String(long.prefix(33)))\n\">x</a></div>")),
        ("unterminated attribute", page("", "<div class=\"\(long)") + "<p class='\(long)>"),
        ("attribute with a tag in it", page("", "<div data-html=\"<script>\(long)</script>\" class=\"\(long)\">x</div>")),
    ]

    /// A long attribute value with spaces, slashes and quotes of the other kind.
    static let long = String(repeating: "price-item price-item--regular js/it's ", count: 4)

    @Test func edgeCasesGiveTheSameTree() {
        for (name, html) in Self.cases {
            Self.check(Data(html.utf8), encoding: nil, name)
            Self.check(Data(html.utf8), encoding: "UTF-8", name + " (UTF-8 forced)")
        }
    }

    /// Pages libxml2 does not read as UTF-8 all through: the bodies stay (or the page is parsed again as it is).
    @Test func otherEncodingsGiveTheSameTree() {
        let latin = Self.page("<script>var s='caffè perché';\(Self.s)</script>", "<p>Qualità è</p>", charset: "iso-8859-1")
            .replacingOccurrences(of: "€", with: "EUR")
        Self.check(latin.data(using: .isoLatin1)!, encoding: nil, "latin-1 declared")
        Self.check(latin.data(using: .isoLatin1)!, encoding: "windows-1252", "windows-1252 forced")
        let undeclared = Self.page("<script>var s='caffè perché';\(Self.s)</script>", "<p>Qualità</p>", charset: nil)
            .replacingOccurrences(of: "€", with: "EUR")
        Self.check(undeclared.data(using: .isoLatin1)!, encoding: nil, "latin-1 undeclared")
        var invalid = Data(Self.page("<script>\(Self.s)</script>", "").utf8)
        invalid.append(contentsOf: [0xFF, 0xFE, 0x41])
        invalid.append(Data("<script>\(Self.s)</script>".utf8))
        #expect(!Self.check(invalid, encoding: nil, "invalid UTF-8"))
        Self.check(Data([0xEF, 0xBB, 0xBF]) + Data(Self.page("<script>\(Self.s)</script>", "").utf8), encoding: "UTF-8", "BOM")
        let utf16 = Self.page("<script>\(Self.s)</script>", "", charset: "utf-16")
        Self.check(utf16.data(using: .utf16)!, encoding: nil, "UTF-16")
    }

    /// The bodies really are taken out of an ordinary page (and put back).
    @Test func ordinaryPageTakesTheFastPath() {
        let html = Self.page("<script>\(Self.s)</script><style>\(Self.s)</style>", "")
        #expect(Self.check(Data(html.utf8), encoding: nil, "ordinary"))
    }

    /// Attribute values from 32 bytes (class lists, links) are taken out too, and come back.
    @Test func mediumAttributesTakeTheFastPath() {
        func bare(_ body: String) -> Data { Data("<html><head><meta charset=\"utf-8\"></head><body>\(body)</body></html>".utf8) }
        #expect(Self.check(bare("<div class=\"\(String(Self.long.prefix(32)))\"><a href=\"/p/\(String(Self.long.prefix(40)))\">x</a></div>"),
                           encoding: nil, "medium attributes"))
        #expect(!Self.check(bare("<div class=\"\(String(Self.long.prefix(31)))\">x</div>"), encoding: nil, "short attributes"))
    }

    /// Every fixture page and real page gives the same tree.
    @Test func fixturePagesGiveTheSameTree() throws {
        let folders = ["fixtures/pages/platforms", "fixtures/pages/syntax", "fixtures/demo-shop/web", "fixtures/real-pages"]
        var pages = 0
        var fast = 0
        for folder in folders {
            let root = Self.repo.appendingPathComponent(folder)
            let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).sorted()
            for file in files where file.hasSuffix(".html") || file.hasSuffix(".html.gz") {
                let url = root.appendingPathComponent(file)
                let data = file.hasSuffix(".gz") ? try Self.gunzip(url) : try Data(contentsOf: url)
                let encoding = Charset.encoding(for: data, contentType: nil)
                if Self.check(data, encoding: encoding, "\(folder)/\(file)") { fast += 1 }
                pages += 1
            }
        }
        #expect(pages > 150)
        #expect(fast > pages / 2, "most pages have bodies worth taking out")
    }

    /// Sessions on several threads at once, and libxml2 used outside any session afterwards.
    @Test func concurrentSessions() {
        let html = Data(Self.page("<script>\(Self.s)</script>", "<p class=\"stock\">Disponibile</p>").utf8)
        let extractor = PageExtractor(channel: "web")
        let expected = extractor.extract(html, source: "https://shop.example/p")
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            for _ in 0..<20 {
                let result = extractor.extract(html, source: "https://shop.example/p")
                #expect(result.observations == expected.observations)
            }
        }
        // Threads that read a page and exit give their arena back; libxml2 keeps working on the threads that stay.
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<8 {
            let thread = Thread {
                let result = extractor.extract(html, source: "https://shop.example/p")
                #expect(result.observations == expected.observations)
                done.signal()
            }
            thread.start()
        }
        for _ in 0..<8 { done.wait() }
        #expect(extractor.extract(html, source: "https://shop.example/p").observations == expected.observations)
        let outside = MarkupTree(html: html, url: "outside.html")
        #expect(outside?.strings("//h1") == ["P"])
    }

    static func gunzip(_ url: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
