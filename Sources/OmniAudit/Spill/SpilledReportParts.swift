import AuditModel
import Foundation
import Report

/// A spilling audit's products (each encoded as the JSON report nests it) and unmatched notes, on disk until
/// the report is written.
final class SpilledReportParts: ReportSpill, @unchecked Sendable {  // filled by one thread, then only read
    private let products: SpillFile
    private var ids: [String] = []
    private var sorted: [Int32]?
    private var notes: [String: SpilledValues<ChannelCoverage.Note>] = [:]
    private let directory: String

    init(directory: String) throws(SpillError) {
        self.directory = directory
        products = try SpillFile(directory: directory)
    }

    /// The first write or read error.
    var failure: SpillError? { products.failure ?? notes.values.lazy.compactMap(\.file.failure).first }

    /// Keeps a product's observations by channel.
    func append(id: String, channels: [String: [Observation]]) throws {
        products.append(try JSONReporter.encodeProduct(channels))
        ids.append(id)
    }

    /// Keeps an unmatched note of a channel.
    func append(_ note: ChannelCoverage.Note, channel: String) throws(SpillError) {
        if notes[channel] == nil { notes[channel] = SpilledValues(try SpillFile(directory: directory)) }
        notes[channel]?.append(note)
    }

    /// Sorts the products by id, once every product is in.
    func finish() {
        sorted = ids.indices.sorted { ids[$0] < ids[$1] }.map(Int32.init)
    }

    var productCount: Int { ids.count }

    var productIDs: [String] { (sorted ?? []).map { ids[Int($0)] } }

    func forEachProduct(_ body: (String, Data) throws -> Void) throws {
        for index in sorted ?? [] {
            let data = products.read(Int(index))
            if let failure = products.failure { throw failure }
            try body(ids[Int(index)], data)
        }
    }

    func unmatchedCount(_ channel: String) -> Int { notes[channel]?.count ?? 0 }

    func forEachUnmatched(_ channel: String, _ body: (ChannelCoverage.Note) throws -> Void) throws {
        guard let values = notes[channel] else { return }
        for index in 0..<values.count {
            guard let note = values.value(at: index) else { throw values.file.failure ?? SpillError(directory: directory, reason: "unreadable note") }
            try body(note)
        }
    }
}
