import Foundation

/// Writes `omniaudit.json`: sorted keys, two-space indentation, amounts as strings; byte-identical for the same
/// inputs.
public struct JSONReporter: Reporter {
    public init() {}
    public let format = "json"
    public let fileName = "omniaudit.json"

    public func render(_ report: AuditReport) throws -> Data {
        var data = try Self.encoder.encode(report)
        data.append(0x0A)
        return data
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Writes the same bytes as `render`, in pieces: the products (most of a large report) one at a time, so the
    /// whole document is never in memory — for a catalogue of 100,000 products, hundreds of megabytes less.
    public func write(_ report: AuditReport, to sink: (Data) throws -> Void) throws {
        let encoder = Self.encoder
        var shell = report
        shell.products = [:]
        let text = try encoder.encode(shell)
        let empty = Data("\n  \"products\" : {\n\n  }".utf8)  // how the encoder writes no product
        guard !report.products.isEmpty, let range = text.range(of: empty) else {
            try sink(try render(report))
            return
        }
        try sink(text[..<range.lowerBound] + Data("\n  \"products\" : {".utf8))
        for (position, id) in report.products.keys.sorted().enumerated() {
            // Nested two levels deep: every line of the product's own document moves right by four spaces.
            var piece = Data((position == 0 ? "\n    " : ",\n    ").utf8)
            piece += try encoder.encode(id)
            piece += Data(" : ".utf8)
            for byte in try encoder.encode(report.products[id] ?? [:]) {
                piece.append(byte)
                if byte == 0x0A { piece += Data("    ".utf8) }
            }
            try sink(piece)
        }
        try sink(Data("\n  }".utf8) + text[range.upperBound...] + Data([0x0A]))
    }
}
