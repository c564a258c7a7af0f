import AuditModel
import Extract
import Foundation
import Testing

@Suite struct SitemapReaderTests {
    @Test func readsPageLocations() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc> https://shop.it/p/a.html </loc></url><url><loc>https://shop.it/p/b.html?x=1&amp;y=2</loc></url>
            </urlset>
            """
        let entries = try SitemapReader.read(Data(xml.utf8), source: "sitemap.xml")
        #expect(entries.pages == ["https://shop.it/p/a.html", "https://shop.it/p/b.html?x=1&y=2"])
        #expect(entries.sitemaps.isEmpty)
    }

    @Test func readsSitemapIndexes() throws {
        let xml = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>https://shop.it/sitemap-1.xml.gz</loc></sitemap></sitemapindex>
            """
        #expect(try SitemapReader.read(Data(xml.utf8), source: "s").sitemaps == ["https://shop.it/sitemap-1.xml.gz"])
    }

    @Test func malformedXMLNamesTheLine() {
        let xml = "<urlset>\n<url><loc>https://a</loc>\n</urlset>"
        do {
            _ = try SitemapReader.read(Data(xml.utf8), source: "sitemap.xml")
            Issue.record("expected an error")
        } catch {
            #expect(error.source == "sitemap.xml")
            #expect(error.position.hasPrefix("line 3"))
        }
    }

    @Test("a DOCTYPE is refused with its position: no entity, internal or external, is ever expanded")
    func doctypeIsRefused() throws {
        for doctype in ["<!DOCTYPE urlset [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>",
                        "<!doctype urlset [<!ENTITY x \"aaaaaaaaaa\">]>"] {
            let xml = "<?xml version=\"1.0\"?>\n\(doctype)\n<urlset><url><loc>https://a/&secret;&x;</loc></url></urlset>"
            let error = try #require(throws: Problem.self) { try SitemapReader.read(Data(xml.utf8), source: "s") }
            #expect(error.position == "line 2, column 1")
            #expect(error.message.contains("DOCTYPE is not allowed"))
        }
    }

    @Test("an element with thousands of attributes is refused before libxml2 parses it")
    func attributeFloodIsRefused() throws {
        let attributes = (0..<5_000).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let xml = "<urlset>\n<url \(attributes)><loc>https://a/</loc></url></urlset>"
        let error = try #require(throws: Problem.self) { try SitemapReader.read(Data(xml.utf8), source: "s") }
        #expect(error.position == "line 2, column 1")
        #expect(error.message.contains("more than 256 attributes"))
    }

    @Test("a <loc> over 2,048 characters is ignored as a problem; the others are read")
    func longLocIsIgnored() throws {
        let long = "https://a/" + String(repeating: "x", count: 2_039)
        let fits = "https://a/" + String(repeating: "y", count: 2_038)
        let xml = "<urlset><url><loc>\(long)</loc></url><url><loc>\(fits)</loc></url></urlset>"
        let entries = try SitemapReader.read(Data(xml.utf8), source: "s")
        #expect(entries.pages == [fits])
        #expect(entries.problems.count == 1)
        #expect(entries.problems.first?.message == "longer than 2048 characters (sitemaps.org limit), ignored")
    }

    @Test("entries beyond 50,000 are cut and counted")
    func entriesAreCapped() throws {
        let items = (0..<50_003).map { "<url><loc>https://a/\($0)</loc></url>" }.joined()
        let entries = try SitemapReader.read(Data("<urlset>\(items)</urlset>".utf8), source: "s")
        #expect(entries.pages.count == 50_000)
        #expect(entries.cut == 3)
    }

    @Test("script contents and comments are not mistaken for tags by the pre-scan")
    func preScanSkipsScriptsAndComments() throws {
        let code = "<script>for(i=0;i<n;i++){" + String(repeating: "x y ", count: 2_000) + "}</script>"
        let page = "<html><body><!-- <a " + String(repeating: "b ", count: 2_000) + "> -->\(code)<p>ok</p></body></html>"
        try MarkupLimits.page.check(Data(page.utf8), source: "p.html")
    }

    @Test func otherXMLIsNotASitemap() {
        #expect(throws: Problem.self) { try SitemapReader.read(Data("<rss></rss>".utf8), source: "feed.xml") }
    }
}

/// C interop lifetimes: a node keeps its libxml2 document alive (checked for real under `make test-asan`).
@Suite struct NodeLifetimeTests {
    @Test func nodesOutliveTheirTreeVariable() throws {
        var nodes: [String] = []
        var kept: [() -> String] = []
        do {
            let tree = try #require(MarkupTree(html: Data("<html><body><p>hello <b>world</b></p></body></html>".utf8), url: "p.html"))
            nodes = tree.strings("//p")
            kept = tree.nodeTexts("//p")
        }
        #expect(nodes == ["hello world"])
        #expect(kept.map { $0() } == ["hello world"])  // the document is freed only after the last node goes
    }
}
