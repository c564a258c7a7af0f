import AuditModel
import Foundation
import Report

/// A small report with hostile shop text, used by the golden-file and browser tests.
enum SampleReport {
    static let hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> Olio & Aceto \"Extra\""

    static func make() -> AuditReport {
        let web = Evidence(source: "https://shop.it/p/olio.html", locator: "json-ld[0].offers.price", raw: "49.90")
        let app = Evidence(source: "fixtures/app/products.json", locator: "data.products[2].pricing.sale", raw: "54.9")
        let bad = Evidence(source: "javascript:alert(1)", locator: "x", raw: hostile)
        let findings = [
            Finding(rule: "price-mismatch", severity: .error, product: "sku:BA-1003", field: "price",
                    observations: [.init(channel: "web", value: "49.90 EUR", evidence: web, expected: false),
                                   .init(channel: "app", value: "54.90 EUR", evidence: app, expected: false)],
                    message: "Price differs: web shows 49.90 EUR, app shows 54.90 EUR."),
            Finding(rule: "missing-in-channel", severity: .warning, product: "sku:" + hostile, field: "presence",
                    observations: [.init(channel: "web", value: "listed", evidence: bad, expected: true),
                                   .init(channel: "app", value: nil, evidence: nil, expected: false)],
                    message: "Listed in web but missing from app: " + hostile),
        ]
        var webCoverage = ChannelCoverage(channel: "web")
        webCoverage.read = 3
        webCoverage.skipped = [.init(input: "https://shop.it/", reason: "does not match include patterns (/p/)")]
        webCoverage.problems = [Problem(source: "https://shop.it/p/x.html", position: "json-ld[0] line 1, column 9", message: "malformed JSON-LD")]
        webCoverage.products = 2
        var appCoverage = ChannelCoverage(channel: "app")
        appCoverage.read = 1
        appCoverage.products = 2
        var observation = Observation(channel: "web", key: ProductKey(sku: "BA-1003"), origin: web)
        observation.price = Observed(Money(amount: Decimal(string: "49.9")!, currency: "EUR"), web)
        return AuditReport(
            tool: .init(version: "0.0.0-test"),
            run: .init(asOf: "2026-11-23", shop: "Bottega <Aurora>", configDigest: "0123456789abcdef", reference: nil,
                       channels: ["web", "app"]),
            complete: true, gate: .init(failOn: .error, minCoverage: 0.9, passed: false, exitCode: 1, blocking: 1),
            coverage: [webCoverage, appCoverage], products: ["sku:BA-1003": ["web": [observation]]], findings: findings)
    }

    /// `count` price findings of one rule, one per product (a systemic fault), on the sample's run.
    static func flood(_ count: Int) -> AuditReport {
        let base = make()
        let evidence = Evidence(source: "app.json", locator: "data.products[0].price", raw: "1.01")
        var products: [String: [String: [Observation]]] = [:]
        var findings: [Finding] = []
        for index in 0..<count {
            let product = "sku:P-\(index)"
            var observation = Observation(channel: "app", key: ProductKey(sku: "P-\(index)"), origin: evidence)
            observation.price = Observed(Money(amount: Decimal(string: "1.01")!, currency: "EUR"), evidence)
            products[product] = ["app": [observation]]
            findings.append(Finding(rule: "price-mismatch", severity: .error, product: product, field: "price",
                                    observations: [.init(channel: "app", value: "1.01 EUR", evidence: evidence, expected: false)],
                                    message: "Price differs."))
        }
        return AuditReport(tool: base.tool, run: base.run, complete: true, gate: base.gate,
                           coverage: Array(base.coverage.values), products: products, findings: findings)
    }
}
