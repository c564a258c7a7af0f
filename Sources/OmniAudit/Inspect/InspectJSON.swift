import AuditModel
import Foundation
import Report

extension Inspector {
    /// The JSON document of `inspect(_:)` (`Result.json()`, byte for byte), written to `sink` as the inputs are
    /// read: each input's observations and problems are encoded on the thread that read it, so encoding overlaps
    /// reading instead of following it, and observations are not kept. Returns the counts written.
    @discardableResult
    public func writeJSON(_ inputs: [String], to sink: (Data) -> Void) -> (observations: Int, problems: Int) {
        var observations = 0
        var problems: [Data] = []
        sink(Data("{\n  \"observations\" : [".utf8))
        inspect(inputs, prepare: { result in
            let encoder = Result.encoder
            return (result.observations.map { Self.item(encoder, $0) }, result.problems.map { Self.item(encoder, $0) })
        }) { (encoded: (observations: [Data], problems: [Data])) in
            for piece in encoded.observations {
                sink(Data((observations == 0 ? "\n    " : ",\n    ").utf8) + piece)
                observations += 1
            }
            problems += encoded.problems
        }
        // The encoder writes an empty array as `[`, a blank line and `]`.
        sink(Data((observations == 0 ? "\n\n  ],\n  \"problems\" : [" : "\n  ],\n  \"problems\" : [").utf8))
        for (index, piece) in problems.enumerated() { sink(Data((index == 0 ? "\n    " : ",\n    ").utf8) + piece) }
        sink(Data((problems.isEmpty ? "\n\n  ]\n}\n" : "\n  ]\n}\n").utf8))
        return (observations, problems.count)
    }

    /// One array element as the document's encoder writes it two levels deep.
    private static func item<Value: Encodable>(_ encoder: JSONEncoder, _ value: Value) -> Data {
        JSONReporter.indented((try? encoder.encode(value)) ?? Data("{}".utf8), by: 4, blankLinesStayBlank: true)
    }
}
