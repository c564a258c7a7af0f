import AuditModel
import Foundation

/// The parts of a large report kept on disk until written (`omniaudit audit` spills them): every product's
/// observations, and the coverage's `unmatched` notes. The report then holds in `products` only the products
/// that have findings (what the HTML report shows); the JSON report streams the rest from here.
public protocol ReportSpill: AnyObject, Sendable {
    /// The number of products.
    var productCount: Int { get }
    /// Every product id, sorted.
    var productIDs: [String] { get }
    /// Hands over each product in id order with its observations by channel, encoded by
    /// `JSONReporter.encodeProduct`.
    func forEachProduct(_ body: (String, Data) throws -> Void) throws
    /// The unmatched notes spilled for a channel (listed after those in its coverage).
    func unmatchedCount(_ channel: String) -> Int
    /// Hands over a channel's spilled unmatched notes in order.
    func forEachUnmatched(_ channel: String, _ body: (ChannelCoverage.Note) throws -> Void) throws
}

extension AuditReport {
    /// Every product id, sorted (from the spill when the products wait on disk).
    public var productIDs: [String] { spill?.productIDs ?? products.keys.sorted() }
}
