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

    @Test func externalEntitiesAreNotExpanded() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE urlset [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <urlset><url><loc>https://a/&secret;</loc></url></urlset>
            """
        let entries = try SitemapReader.read(Data(xml.utf8), source: "s")
        #expect(entries.pages.allSatisfy { !$0.contains("root:") })
    }

    @Test func otherXMLIsNotASitemap() {
        #expect(throws: Problem.self) { try SitemapReader.read(Data("<rss></rss>".utf8), source: "feed.xml") }
    }
}
