import Foundation
import Report
import Testing

@Suite struct HTMLReporterTests {
    func html() throws -> String { String(decoding: try HTMLReporter().render(SampleReport.make()), as: UTF8.self) }

    @Test func escapesAllShopText() throws {
        let page = try html()
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("Bottega &lt;Aurora&gt;"))
        #expect(!page.contains("href=\"javascript:"))
    }

    @Test func isSelfContained() throws {
        let page = try html()
        #expect(!page.contains("<link "))
        #expect(!page.contains("<img") && !page.contains("<iframe") && !page.contains(" src=\""))  // nothing loaded
        #expect(page.components(separatedBy: "<script").count - 1 == 1)  // the one inline script
        #expect(page.contains("<form id=\"filters\" class=\"filters\" hidden"))  // no filters without the script
    }

    @Test func showsVerdictCountsAndOneRowPerFinding() throws {
        let page = try html()
        #expect(page.contains("FAIL — 1 finding at or above “error”"))
        #expect(page.components(separatedBy: "<tr class=\"finding").count - 1 == 2)
        #expect(page.contains("data.products[2].pricing.sale"))
    }
}
