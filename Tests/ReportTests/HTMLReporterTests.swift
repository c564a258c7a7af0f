import AuditModel
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

    @Test func labelsAVariantWithTheSizeAndColourItsNameDoesNotSay() throws {
        var report = SampleReport.make()
        let evidence = Evidence(source: "merchant.xml", locator: "line 12 <title>", raw: "T-shirt in cotone")
        var shirt = Observation(channel: "web", key: ProductKey(sku: "BA-1003"), origin: evidence)
        shirt.title = Observed("T-shirt in cotone – Blu", evidence)
        shirt.variant = ["size": "M", "color": "blu"]
        report.products = ["sku:BA-1003": ["web": [shirt]]]
        let page = String(decoding: try HTMLReporter().render(report), as: UTF8.self)
        // "blu" is in the name (case and accents aside); the size is not.
        #expect(page.contains("<div class=\"evidence\">T-shirt in cotone – Blu (size M)</div>"))
        #expect(page.contains("<span class=\"count\">T-shirt in cotone – Blu (size M)</span>"))
    }

    @Test func showsVerdictCountsAndOneRowPerFinding() throws {
        let page = try html()
        #expect(page.contains("FAIL — 1 finding at or above “error”"))
        #expect(page.components(separatedBy: "<tr class=\"finding").count - 1 == 2)
        #expect(page.contains("data.products[2].pricing.sale"))
    }
}
