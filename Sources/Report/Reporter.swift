import Foundation

/// Renders an audit report in one format.
public protocol Reporter: Sendable {
    /// The format name used in `report.formats` and `--format` (`html`, `json`, `junit`, `markdown`, `sarif`).
    var format: String { get }
    /// The file name written in the output folder.
    var fileName: String { get }
    /// The rendered bytes; the same report always renders to the same bytes.
    func render(_ report: AuditReport) throws -> Data
}

/// The reporters by format name.
public enum Reporters {
    /// Every available reporter.
    public static let all: [any Reporter] = [HTMLReporter(), JSONReporter(), JUnitReporter(), MarkdownReporter(), SARIFReporter()]

    /// Every format name, in documentation order.
    public static var formats: [String] { all.map(\.format) }

    /// The reporter for a format name, if any.
    public static func reporter(for format: String) -> (any Reporter)? { all.first { $0.format == format } }
}
