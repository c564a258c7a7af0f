import AuditModel
import Foundation

/// Writes `omniaudit.json`: sorted keys, two-space indentation, amounts as strings; byte-identical for the same
/// inputs.
public struct JSONReporter: Reporter {
    public init() {}
    public let format = "json"
    public let fileName = "omniaudit.json"

    public func render(_ report: AuditReport) throws -> Data {
        if report.spill != nil {
            var data = Data()
            try write(report) { data += $0 }
            return data
        }
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

    /// The encoding of one product's observations by channel, as the report nests it (before indenting).
    public static func encodeProduct(_ channels: [String: [Observation]]) throws -> Data { try encoder.encode(channels) }

    /// Writes the same bytes as `render`, in pieces: the products (most of a large report) one at a time, so the
    /// whole document is never in memory — for a catalogue of 100,000 products, hundreds of megabytes less. A
    /// spilled report's products and unmatched notes are read from its spill as they are written.
    public func write(_ report: AuditReport, to sink: (Data) throws -> Void) throws {
        let encoder = Self.encoder
        var shell = report
        shell.products = [:]
        shell.spill = nil
        // A spilled channel's unmatched notes are written where a placeholder note is in the shell.
        var placeholders: [(channel: String, note: ChannelCoverage.Note)] = []
        if let spill = report.spill {
            for (channel, coverage) in report.coverage.sorted(by: { $0.key < $1.key }) where spill.unmatchedCount(channel) > 0 {
                let note = ChannelCoverage.Note(input: "\u{0}omniaudit-unmatched-\(UUID().uuidString)", reason: "")
                shell.coverage[channel]?.unmatched = (coverage.unmatched ?? []) + [note]
                placeholders.append((channel, note))
            }
        }
        var text = try encoder.encode(shell)
        var start = text.startIndex
        for placeholder in placeholders {
            let marker = try encoder.encode(placeholder.note.input)
            guard let found = text.range(of: marker, in: start..<text.endIndex),
                let open = text[..<found.lowerBound].lastIndex(of: UInt8(ascii: "{")),
                let close = text[found.upperBound...].firstIndex(of: UInt8(ascii: "}"))
            else { throw EncodingError.invalidValue(placeholder.channel, .init(codingPath: [], debugDescription: "unmatched placeholder not found")) }
            let lineStart = text[..<open].lastIndex(of: 0x0A).map { $0 + 1 } ?? text.startIndex
            let indent = open - lineStart
            try sink(text[start..<open])
            var first = true
            try report.spill?.forEachUnmatched(placeholder.channel) { note in
                var piece = first ? Data() : Data(",\n".utf8) + Data(repeating: 0x20, count: indent)
                first = false
                piece += Self.indented(try encoder.encode(note), by: indent)
                try sink(piece)
            }
            start = close + 1
        }
        text = Data(text[start...])
        let empty = Data("\n  \"products\" : {\n\n  }".utf8)  // how the encoder writes no product
        let count = report.spill?.productCount ?? report.products.count
        guard count > 0, let range = text.range(of: empty) else {
            try sink(text + Data([0x0A]))
            return
        }
        try sink(text[..<range.lowerBound] + Data("\n  \"products\" : {".utf8))
        var position = 0
        func product(_ id: String, _ encoded: Data) throws {
            // Nested two levels deep: every line of the product's own document moves right by four spaces.
            var piece = Data((position == 0 ? "\n    " : ",\n    ").utf8)
            piece += try encoder.encode(id)
            piece += Data(" : ".utf8)
            piece += Self.indented(encoded, by: 4)
            try sink(piece)
            position += 1
        }
        if let spill = report.spill {
            try spill.forEachProduct(product)
        } else {
            for id in report.products.keys.sorted() { try product(id, try encoder.encode(report.products[id] ?? [:])) }
        }
        try sink(Data("\n  }".utf8) + text[range.upperBound...] + Data([0x0A]))
    }

    /// A pretty-printed document with every line after the first moved right by `spaces`; blank lines (an empty
    /// array's) stay blank when `blankLinesStayBlank`, as a whole-document encoding writes them.
    public static func indented(_ document: Data, by spaces: Int, blankLinesStayBlank: Bool = false) -> Data {
        var result = Data()
        result.reserveCapacity(document.count + document.count / 4)
        let pad = [UInt8](repeating: 0x20, count: spaces)
        document.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var start = 0
            // Line by line (memchr), each newline followed by the padding.
            while start < raw.count, let found = memchr(base + start, 0x0A, raw.count - start) {
                let end = UnsafeRawPointer(found) - base + 1
                result.append(UnsafeRawBufferPointer(rebasing: raw[start..<end]).assumingMemoryBound(to: UInt8.self))
                if !blankLinesStayBlank || end >= raw.count || raw[end] != 0x0A { result.append(contentsOf: pad) }
                start = end
            }
            if start < raw.count { result.append(UnsafeRawBufferPointer(rebasing: raw[start...]).assumingMemoryBound(to: UInt8.self)) }
        }
        return result
    }
}
