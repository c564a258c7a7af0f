import AuditModel

/// Everything an audit produced, in the shape of the versioned JSON report (`omniaudit.report/v1`).
/// Every reporter renders this one value.
public struct AuditReport: Codable, Sendable {
    /// The schema id of this report shape.
    public static let schemaID = "omniaudit.report/v1"

    /// The tool that wrote the report.
    public struct Tool: Codable, Sendable {
        public var name: String
        public var version: String
        public init(name: String = "omniaudit", version: String) {
            self.name = name
            self.version = version
        }
    }

    /// What was audited and when.
    public struct Run: Codable, Sendable {
        /// The audit day in the shop's timezone (`yyyy-MM-dd`): the clock the rules and suppressions use.
        public var asOf: String
        /// The shop name from the config.
        public var shop: String
        /// A digest of the config file's bytes.
        public var configDigest: String
        /// The reference channel, if one is configured.
        public var reference: String?
        /// Configured channel names, in config order.
        public var channels: [String]
        /// The rules that ran (enabled), in catalogue order; nil in reports that do not say.
        public var rules: [String]?
        /// The shop's locale (`it-IT`), for showing prices as the shop writes them; nil when not known.
        public var locale: String?
        public init(asOf: String, shop: String, configDigest: String, reference: String?, channels: [String],
                    rules: [String]? = nil, locale: String? = nil) {
            self.asOf = asOf
            self.shop = shop
            self.configDigest = configDigest
            self.reference = reference
            self.channels = channels
            self.rules = rules
            self.locale = locale
        }
        enum CodingKeys: String, CodingKey {
            case asOf = "as_of", shop, configDigest = "config_digest", reference, channels, rules, locale
        }
    }

    /// The release gate: its settings and its verdict.
    public struct Gate: Codable, Sendable {
        /// The lowest severity that fails the gate, or nil for never.
        public var failOn: Severity?
        /// The minimum share of inputs read, per channel.
        public var minCoverage: Double
        /// True exactly when the exit code is 0: the audit is complete and no active finding is at or above `failOn`.
        public var passed: Bool
        /// The process exit code the audit ends with.
        public var exitCode: Int32
        /// Active findings at or above `failOn`.
        public var blocking: Int
        /// Why the audit is incomplete (exit code 2), one sentence each; empty for a complete audit.
        public var reasons: [String]
        public init(failOn: Severity?, minCoverage: Double, passed: Bool, exitCode: Int32, blocking: Int = 0, reasons: [String] = []) {
            self.failOn = failOn
            self.minCoverage = minCoverage
            self.passed = passed
            self.exitCode = exitCode
            self.blocking = blocking
            self.reasons = reasons
        }
        enum CodingKeys: String, CodingKey {
            case failOn = "fail_on", minCoverage = "min_coverage", passed, exitCode = "exit_code", blocking, reasons
        }
    }

    /// Counts of findings.
    public struct Summary: Codable, Sendable {
        /// Findings that count (not suppressed).
        public var active: Int
        /// Active findings by severity.
        public var bySeverity: [String: Int]
        /// Active findings by rule.
        public var byRule: [String: Int]
        /// Active findings by channel involved.
        public var byChannel: [String: Int]
        /// All findings by status.
        public var byStatus: [String: Int]
        /// Matched products.
        public var products: Int

        /// Counts the findings.
        public init(findings: [Finding], products: Int) {
            let active = findings.filter { $0.status != .suppressed && $0.status != .fixed }
            self.active = active.count
            bySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { severity in
                (severity.rawValue, active.filter { $0.severity == severity }.count)
            })
            byRule = Dictionary(grouping: active, by: \.rule).mapValues(\.count)
            byChannel = Dictionary(grouping: active.flatMap { finding in Set(finding.observations.map(\.channel)) },
                                   by: { $0 }).mapValues(\.count)
            byStatus = Dictionary(grouping: findings, by: \.status.rawValue).mapValues(\.count)
            self.products = products
        }
        enum CodingKeys: String, CodingKey {
            case active, bySeverity = "by_severity", byRule = "by_rule", byChannel = "by_channel"
            case byStatus = "by_status", products
        }
    }

    public var schema = AuditReport.schemaID
    /// The rules a report covers: the ones that ran, else the ones with findings, sorted.
    public var ruleIDs: [String] { run.rules ?? Array(Set(findings.map(\.rule))).sorted() }
    public var tool: Tool
    public var run: Run
    /// False when the run was interrupted or a channel could not be read at all.
    public var complete: Bool
    public var gate: Gate
    public var summary: Summary
    /// Per channel: inputs read, skipped and failed, with reasons.
    public var coverage: [String: ChannelCoverage]
    /// Per product label, per channel, the observations.
    public var products: [String: [String: [Observation]]]
    /// The findings, highest severity first.
    public var findings: [Finding]
    /// What was compared: products seen in several channels or one, and per field how many were compared.
    public var comparisons: Comparisons
    /// The shop's own terms from its policy pages (a `terms` channel), when configured.
    public var shopTerms: ShopTerms?
    /// Findings over the recent runs kept in the history (`history:`), oldest first; nil without a history.
    public var trend: [TrendPoint]?
    /// When the audit spilled to disk: all products and the coverage's unmatched notes, streamed into the JSON
    /// report from there (`products` then holds only the products with findings). Not part of the JSON shape.
    public var spill: (any ReportSpill)?

    /// One run in the trend.
    public struct TrendPoint: Codable, Sendable, Hashable {
        /// The audit day.
        public var day: String
        /// Findings of that run (fixed ones not counted).
        public var findings: Int
        /// New findings of that run (against its baseline).
        public var new: Int
        /// Findings fixed since its baseline.
        public var fixed: Int

        public init(day: String, findings: Int, new: Int, fixed: Int) {
            self.day = day
            self.findings = findings
            self.new = new
            self.fixed = fixed
        }
    }

    enum CodingKeys: String, CodingKey {
        case schema, tool, run, complete, gate, summary, coverage, products, findings, comparisons
        case shopTerms = "shop_terms", trend
    }

    /// Creates a report.
    public init(tool: Tool, run: Run, complete: Bool, gate: Gate, coverage: [ChannelCoverage],
                products: [String: [String: [Observation]]], findings: [Finding], comparisons: Comparisons? = nil,
                shopTerms: ShopTerms? = nil, trend: [TrendPoint]? = nil, spill: (any ReportSpill)? = nil) {
        self.spill = spill
        self.shopTerms = shopTerms
        self.trend = trend
        self.tool = tool
        self.run = run
        self.complete = complete
        self.gate = gate
        self.summary = Summary(findings: findings, products: spill?.productCount ?? products.count)
        self.coverage = Dictionary(coverage.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
        self.products = products
        self.findings = findings
        self.comparisons = comparisons ?? Comparisons(products: products.values.map { $0.values.flatMap { $0 } }, channels: run.channels)
    }
}
