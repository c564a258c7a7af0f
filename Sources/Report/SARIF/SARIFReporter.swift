import AuditModel
import Foundation

/// Writes `omniaudit.sarif` (SARIF 2.1.0) for code-scanning dashboards: one result per finding of this run, with
/// the evidence of the deviating channels as locations, the product as a logical location, the fingerprint as a
/// partial fingerprint, and suppressed findings marked as such.
///
/// A dashboard keeps an alert open while an upload lists it, so findings fixed since the baseline are not results
/// (their alerts close). GitHub code scanning refuses a run of more than 25,000 results and shows at most 5,000, so
/// at most `maxResults` are listed, active before suppressed and by severity; the run's notification says how
/// many more the JSON report holds.
public struct SARIFReporter: Reporter {
    public init() {}
    public let format = "sarif"
    public let fileName = "omniaudit.sarif"
    /// The most results one file lists (GitHub code scanning shows 5,000 of a run).
    public static let maxResults = 5_000

    /// The findings listed as results: not fixed; active ones first, by severity, then suppressed; report order within.
    static func listed(_ findings: [Finding]) -> [Finding] {
        func rank(_ finding: Finding) -> Int {
            let severity = finding.severity == .error ? 0 : finding.severity == .warning ? 1 : 2
            return finding.status == .suppressed ? 3 + severity : severity
        }
        let current = findings.filter { $0.status != .fixed }
        let ordered = current.indices.sorted { (rank(current[$0]), $0) < (rank(current[$1]), $1) }
        return ordered.prefix(maxResults).map { current[$0] }
    }

    public func render(_ report: AuditReport) throws -> Data {
        let rules = report.ruleIDs.map { id in SARIF.Rule(id: id, name: id, helpUri: "https://github.com/omniaudit/omniaudit/blob/main/docs/rules.md") }
        let listed = Self.listed(report.findings)
        let current = report.findings.count { $0.status != .fixed }
        var notes: [SARIF.Notification] = []
        if listed.count < current {
            notes.append(.init(level: "warning", message: .init(text:
                "\(current) findings: the first \(listed.count) by severity are listed here (code-scanning dashboards keep "
                + "at most \(Self.maxResults) of a run); omniaudit.json holds every finding.")))
        }
        let results = listed.map { finding in
            let blamed = finding.observations.filter { !$0.expected && $0.evidence != nil }
            let shown = (blamed.isEmpty ? finding.observations.filter { $0.evidence != nil } : blamed).prefix(10)
            return SARIF.Result(
                ruleId: finding.rule, level: SARIF.level(finding.severity), message: .init(text: finding.message),
                locations: shown.compactMap(\.evidence).map { evidence in
                    SARIF.Location(physicalLocation: .init(artifactLocation: .init(uri: evidence.source)),
                                   logicalLocations: [.init(name: finding.product, kind: "product")])
                },
                partialFingerprints: ["omniaudit/v1": finding.fingerprint],
                suppressions: finding.status == .suppressed
                    ? [.init(kind: "external", justification: finding.suppression ?? "")] : nil,
                properties: .init(product: finding.product, field: finding.field, status: finding.status.rawValue))
        }
        let log = SARIF.Log(runs: [.init(tool: .init(driver: .init(name: "omniaudit", version: report.tool.version, rules: rules)),
                                        invocations: [.init(executionSuccessful: true, toolExecutionNotifications: notes)],
                                        results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(log)
        data.append(0x0A)
        return data
    }
}

/// The parts of the SARIF 2.1.0 object model omniaudit writes.
enum SARIF {
    struct Log: Encodable {
        var version = "2.1.0"
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case version, schema = "$schema", runs }
    }
    struct Run: Encodable { var tool: Tool; var invocations: [Invocation]; var results: [Result] }
    struct Invocation: Encodable { var executionSuccessful: Bool; var toolExecutionNotifications: [Notification] }
    struct Notification: Encodable { var level: String; var message: Message }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var version: String; var rules: [Rule] }
    struct Rule: Encodable { var id: String; var name: String; var helpUri: String }
    struct Message: Encodable { var text: String }
    struct Result: Encodable {
        var ruleId: String
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var properties: Properties
    }
    struct Location: Encodable { var physicalLocation: Physical; var logicalLocations: [Logical] }
    struct Physical: Encodable { var artifactLocation: Artifact }
    struct Artifact: Encodable { var uri: String }
    struct Logical: Encodable { var name: String; var kind: String }
    struct Suppression: Encodable { var kind: String; var justification: String }
    struct Properties: Encodable { var product: String; var field: String; var status: String }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .notice: "note"
        }
    }
}
