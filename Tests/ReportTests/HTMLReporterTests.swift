import AuditModel
import Foundation
@testable import Report
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

    @Test func aFloodOfFindingsShowsTheFirstOfEachRuleAndSaysWhereTheRestAre() throws {
        // A systemic fault (every price off by a cent) gives thousands of findings of one rule: the page shows the
        // first 200 with their products, says how many more there are and where they are listed, and stays small.
        let report = SampleReport.flood(5_000)
        let page = String(decoding: try HTMLReporter().render(report), as: UTF8.self)
        #expect(page.components(separatedBy: "<tr class=\"finding").count - 1 == FindingsTable.maxRowsPerRule)
        #expect(page.contains("5000 findings"))
        #expect(page.contains("… and 4800 more <code>price-mismatch</code> findings (the first 200 are shown): every finding is in the JSON report"))
        #expect(page.components(separatedBy: "<section class=\"product\"").count - 1 == FindingsTable.maxRowsPerRule)
        #expect(page.contains("href=\"#product-\(Anchor.id("sku:P-199"))\"") && !page.contains("href=\"#product-\(Anchor.id("sku:P-200"))\""))
        #expect(page.utf8.count < 2_000_000)
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

    @Test func listsTheSameProblemOnceWithItsCountAndFirstPlaces() throws {
        // A feed column that every row lacks gives one problem per row, and pages without a product one per page:
        // the report shows each message once, with its count and first places; a different message keeps its line.
        var report = SampleReport.make()
        var coverage = ChannelCoverage(channel: "app")
        coverage.read = 2
        coverage.problems = (2...20_001).map { Problem(source: "feed.csv", position: "line \($0)", message: "item has no price (price)") }
            + [Problem(source: "feed.csv", position: "line 7", message: "unknown availability \"forse\"")]
            + (1...7).map { Problem(source: "https://shop.it/blog/\($0)", message: "no product found on the page") }
        coverage.skipped = (1...3).map { .init(input: "https://shop.it/c/\($0)", reason: "does not match include patterns (/p/)") }
            + [.init(input: "https://shop.it/cart", reason: "disallowed by robots.txt")]
        report.coverage["app"] = coverage
        let page = String(decoding: try HTMLReporter().render(report), as: UTF8.self)
        #expect(page.contains("<li>skipped: does not match include patterns (/p/) (3 times: https://shop.it/c/1, https://shop.it/c/2, https://shop.it/c/3)</li>"))
        #expect(page.contains("<li>skipped: https://shop.it/cart — disallowed by robots.txt</li>"))
        #expect(page.contains("<li>problem: feed.csv: item has no price (price) (20000 times: line 2, line 3, line 4, line 5, line 6 and 19995 more)</li>"))
        #expect(page.contains("<li>problem: feed.csv: line 7: unknown availability &quot;forse&quot;</li>"))
        #expect(page.contains("<li>problem: no product found on the page (7 times: https://shop.it/blog/1, https://shop.it/blog/2, "
                              + "https://shop.it/blog/3, https://shop.it/blog/4, https://shop.it/blog/5 and 2 more)</li>"))
        #expect(page.components(separatedBy: "item has no price").count - 1 == 1)
    }
}
