import AuditModel
import Fetch
import Foundation
import Reconcile
import Report

/// Stops an audit's fetching (SIGINT/SIGTERM); the report is then partial.
public typealias AuditCancellation = CrawlCancellation

/// The audit pipeline: read every channel, match products, run the rules, decide the gate, build the report.
public struct Audit: Sendable {
    /// The validated config.
    public var config: AuditConfig
    /// The tool version written into the report.
    public var version: String
    /// The audit day (`yyyy-MM-dd`); the injected clock.
    public var asOf: String
    /// Where progress lines go (stderr in the CLI); nil for silence.
    public var progress: (@Sendable (String) -> Void)?
    /// Set by SIGINT/SIGTERM: fetching stops, the report is partial (`complete: false`, exit 2).
    public var cancellation: AuditCancellation?

    /// Creates an audit; `now` is reduced to the day in the shop's timezone.
    public init(config: AuditConfig, version: String, now: Date = Date(), progress: (@Sendable (String) -> Void)? = nil) {
        self.config = config
        self.version = version
        self.asOf = DayClock.day(of: now, timezone: config.shop.timezone)
        self.progress = progress
    }

    /// Runs the audit; never throws: unreadable inputs become coverage failures and `unverifiable` findings.
    public func run() -> AuditReport {
        let fetcher = FileFetcher()
        let paths = PathResolver(baseDirectory: config.baseDirectory)
        var reads: [ChannelRead] = []
        for channel in config.channels {
            let read: ChannelRead = switch channel.kind {
            case .web(let web):
                WebSource(name: channel.name, web: web, shop: config.shop, fetcher: fetcher, paths: paths, progress: progress,
                          cancellation: cancellation).read()
            case .feed(let feed): FeedSource(name: channel.name, feed: feed, shop: config.shop, fetcher: fetcher, paths: paths).read()
            }
            let coverage = read.coverage
            progress?("\(channel.name): \(coverage.read) read, \(coverage.skipped.count) skipped, "
                + "\(coverage.failed.count) failed, \(coverage.problems.count) problems, \(coverage.products) products")
            reads.append(read)
        }
        reads = reads.map(ChannelYield.flagged)
        let products = Matcher(fields: config.match).match(reads.flatMap(\.observations))
        let coverage = reads.map(\.coverage)
        let context = RuleContext(
            channels: config.channels.map(\.name), reference: config.reference,
            fullCatalogChannels: Set(config.channels.filter(\.fullCatalog).map(\.name)),
            unreadableChannels: Set(coverage.filter(\.unreadable).map(\.channel)),
            failedInputs: Dictionary(uniqueKeysWithValues: zip(config.channels.map(\.name), reads.map(\.failedURLs))),
            settings: config.rules, asOf: DayClock.date(from: asOf).map { $0.addingTimeInterval(12 * 3600) })
        let findings = Reconciler(context: context, suppressions: config.suppressions, day: asOf)
            .findings(products: products, coverage: coverage)
        let gate = gateVerdict(findings: findings, coverage: coverage, interrupted: cancellation?.isCancelled == true)
        return AuditReport(
            tool: .init(version: version),
            run: .init(asOf: asOf, shop: config.shop.name, configDigest: config.digest, reference: config.reference,
                       channels: config.channels.map(\.name)),
            complete: gate.exitCode != AuditExitCode.incomplete.rawValue, gate: gate, coverage: coverage,
            products: Dictionary(uniqueKeysWithValues: products.map { product in
                (product.label, Dictionary(grouping: product.observations, by: \.channel))
            }),
            findings: findings)
    }

    private func gateVerdict(findings: [Finding], coverage: [ChannelCoverage], interrupted: Bool) -> AuditReport.Gate {
        let failOn = config.gate.failOn
        let blocking = findings.contains { finding in
            finding.status != .suppressed && failOn.map { finding.severity >= $0 } ?? false
        }
        let incomplete = interrupted || coverage.contains { $0.unreadable || $0.ratio < config.gate.minCoverage }
            || coverage.contains(where: ChannelYield.isEmpty)
        let code: AuditExitCode = incomplete ? .incomplete : (blocking ? .findings : .passed)
        return AuditReport.Gate(failOn: failOn, minCoverage: config.gate.minCoverage, passed: !blocking,
                                exitCode: code.rawValue)
    }
}
