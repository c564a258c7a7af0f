@testable import Extract
import Fetch
import Foundation
import Testing

@Test func zzDebugPage() throws {
    guard let key = ProcessInfo.processInfo.environment["DEBUG_PAGE"] else { return }
    let folder = Paths.repo("fixtures/real-pages")
    for line in try String(contentsOfFile: folder + "/ground-truth.jsonl", encoding: .utf8).split(separator: "\n") where line.contains(key) {
        let truth = try JSONDecoder().decode(RealPageCorpus.Truth.self, from: Data(line.utf8))
        let body = try Gunzip.inflate(Data(contentsOf: URL(fileURLWithPath: folder + "/" + truth.file)), limit: 64 << 20, source: truth.file)
        let page = PageExtractor(channel: "web").extract(body, source: truth.url)
        print("URL", truth.url, truth.price ?? [])
        for o in page.observations {
            print("OBS", o.key, o.title?.value ?? "-", o.price.map { "\($0.value) \($0.evidence.locator) '\($0.evidence.raw)'" } ?? "-", o.availability.map { "\($0.value) \($0.evidence.locator) '\($0.evidence.raw)'" } ?? "-")
            for c in o.claims ?? [] { print("   CLAIM", c.syntax, c.role, c.price.value, c.price.evidence.locator, "'\(c.price.evidence.raw)'") }
        }
        for p in page.problems { print("PROBLEM", p) }
        let tree = MarkupTree(html: body, url: truth.url, encoding: Charset.encoding(for: body, contentType: nil))!
        let scan = PageScan(tree)
        print("h1", scan.h1?.collapsedText.prefix(80) ?? "-", scan.h1Order)
        for block in VisibleFacts.priceBlocks(scan).prefix(8) { print("BLOCK", block.locator, block.collapsedText.prefix(100)) }
        for (n, o) in scan.stockElements.prefix(15) { print("STOCK", o, n.locator, n.collapsedText.prefix(80)) }
        for b in scan.buyButtons { print("BUY", b.locator, b.collapsedText.prefix(60), b.has("disabled")) }
    }
}
