import AuditModel
import Foundation
import History
import Reconcile

// Reconcile benchmark: N generated observations over 5 channels (N/5 products, a few prices and availabilities
// differing), matched, checked by every rule, and their history written; prints seconds per stage, observations/s
// and peak RSS. Usage: reconcile-bench [observations] (default 1,000,000).

let total = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 1_000_000 : 1_000_000
let channels = ["web", "app", "merchant", "store", "marketplace"]
let products = total / channels.count

func peakRSS() -> String {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ") } ?? "?"
}

func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let start = Date()
    let result = try body()
    print(String(format: "%-10@ %8.2f s", label as NSString, Date().timeIntervalSince(start)))
    return result
}

let observations: [Observation] = time("generate") {
    var list: [Observation] = []
    list.reserveCapacity(total)
    for channel in channels.indices {
        for index in 0..<products {
            let evidence = Evidence(source: "\(channels[channel]).json", locator: "items[\(index)]", raw: "")
            var observation = Observation(channel: channels[channel], key: ProductKey(
                sku: "SKU-\(index)", gtin: channel == 2 ? String(format: "%013d", 4_000_000_000_000 + index) : nil),
                origin: evidence)
            let cents = 1_000 + index % 9_000 + (index % 97 == 0 && channel == 1 ? 100 : 0)
            observation.price = Observed(Money(amount: Decimal(sign: .plus, exponent: -2, significand: Decimal(cents)), currency: "EUR"), evidence)
            observation.availability = Observed(index % 89 == 0 && channel == 3 ? .outOfStock : .inStock, evidence)
            list.append(observation)
        }
    }
    return list
}
let matched = time("match") { Matcher(fields: [.sku, .gtin, .url]).match(observations) }
let findings = time("rules") {
    Reconciler(context: RuleContext(channels: channels), day: "2026-11-23").findings(products: matched, coverage: [])
}
let path = NSTemporaryDirectory() + "reconcile-bench-\(getpid()).sqlite"
defer { try? FileManager.default.removeItem(atPath: path) }
try time("history") {
    let store = try HistoryStore(path: path)
    var rows: [HistoryRow] = []
    rows.reserveCapacity(total)
    for product in matched {
        for observation in product.observations {
            rows.append(HistoryRow(day: "2026-11-23", product: product.id, channel: observation.channel,
                                   price: observation.price?.value, listPrice: nil, availability: observation.availability?.value.rawValue))
        }
    }
    try store.record(rows, run: HistoryRun(day: "2026-11-23", configDigest: "bench", findings: findings.count, new: findings.count, fixed: 0))
}
print("\(total) observations, \(matched.count) products, \(findings.count) findings; peak RSS \(peakRSS())")
