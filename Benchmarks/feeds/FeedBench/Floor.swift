// The least any reader can take to give the CSV benchmark's observations (FEED_BENCH_FLOOR=N feed-bench): makes and
// drops the observations of N items of the generated feed (generate.py) with nothing read or parsed. Texts are made
// from bytes as a reader makes them; prices, availability and shipping are already known. Every core makes its share
// and drops it itself (no hand-over between threads): a bound no reader that gives these observations can pass.
import AuditModel
import Foundation

/// Prints `items N priced N problems 0 seconds S peak_kb K cpu_seconds C`, as feed-bench does.
func observationFloor(items: Int) -> (priced: Int, seconds: Double) {
    let availabilities: [Availability] = [.inStock, .outOfStock, .preorder, .backorder]
    let availabilityTexts = ["in stock", "out of stock", "preorder", "backorder"]
    let shipping = ShippingTerms(cost: Money(amount: Decimal(string: "4.90")!, currency: "EUR"))
    /// The bytes of item `i`'s sku, title and link, as generate.py writes them (the link without its campaign query).
    func bytes(_ i: Int) -> (sku: [UInt8], title: [UInt8], url: [UInt8]) {
        let digits = String(i)
        return (Array(("SKU-" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits).utf8),
                Array("Prodotto numero \(i) — ceramica «Deruta» & lino".utf8), Array("https://shop.example/p/\(i)".utf8))
    }
    let templates = (0..<1_000).map(bytes)  // lengths as in the feed; the strings themselves are made per item below
    let workers = ProcessInfo.processInfo.activeProcessorCount
    let start = Date()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        let source = String(decoding: Array("/tmp/omniaudit-feed-bench/feed.csv".utf8), as: UTF8.self)
        let shippingRaw = String(decoding: Array("IT::Standard:4.90 EUR".utf8), as: UTF8.self)
        var batch: [Observation] = []
        batch.reserveCapacity(1_400)
        var i = worker
        while i < items {
            let line = i + 2
            let parts = templates[i % templates.count]
            let sku = String(decoding: parts.sku, as: UTF8.self)
            let title = String(decoding: parts.title, as: UTF8.self)
            func evidence(_ name: String, _ raw: String) -> Evidence { Evidence(source: source, place: .column(line: line, name: name), raw: raw) }
            let regular = Observed(Money(amount: Decimal(5 + i % 995), currency: "EUR"), evidence("price", "5.00 EUR"))
            let onSale = i % 5 == 0
            let price = onSale ? Observed(Money(amount: Decimal(4 + i % 995), currency: "EUR"), evidence("sale_price", "4.00 EUR")) : regular
            batch.append(Observation(
                channel: "bench", key: ProductKey(sku: sku, url: String(decoding: parts.url, as: UTF8.self)),
                origin: Evidence(source: source, place: .line(line), raw: sku), title: Observed(title, evidence("title", title)),
                price: price, listPrice: onSale ? regular : nil,
                availability: Observed(availabilities[i % 4], evidence("availability", availabilityTexts[i % 4])), saleWindow: nil,
                stockCount: Observed(i % 50, evidence("quantity", String(i % 50))),
                brand: Observed("Bottega Aurora", evidence("brand", "Bottega Aurora")),
                shipping: Observed(shipping, evidence("shipping", shippingRaw)), group: "G-\(i / 3)", variant: nil))
            if batch.count == 1_400 { batch.removeAll(keepingCapacity: true) }
            i += workers
        }
    }
    return (items, Date().timeIntervalSince(start))
}
