import Foundation

/// Writes `omniaudit.json`: sorted keys, two-space indentation, amounts as strings; byte-identical for the same
/// inputs.
public struct JSONReporter: Reporter {
    public init() {}
    public let format = "json"
    public let fileName = "omniaudit.json"

    public func render(_ report: AuditReport) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(report)
        data.append(0x0A)
        return data
    }
}
