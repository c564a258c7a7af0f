import AuditModel
import Fetch
import Foundation
import History
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
    /// A previous report's findings (`--baseline`): findings become new, persisting or fixed against them.
    public var baseline: [Finding]?

    /// Creates an audit; `now` is reduced to the day in the shop's timezone.
    public init(config: AuditConfig, version: String, now: Date = Date(), progress: (@Sendable (String) -> Void)? = nil) {
        self.init(config: config, version: version, day: DayClock.day(of: now, timezone: config.shop.timezone), progress: progress)
    }

    /// Creates an audit for a given audit day (`yyyy-MM-dd`, as `--as-of` gives it), whatever the timezone.
    public init(config: AuditConfig, version: String, day: String, progress: (@Sendable (String) -> Void)? = nil) {
        self.config = config
        self.version = version
        self.asOf = day
        self.progress = progress
    }

    /// Runs the audit; never throws: unreadable inputs become coverage failures and `unverifiable` findings.
    public func run() -> AuditReport {
        let reads = config.channels.map { channel in settled(channel.source.read(environment(for: channel))) }
        return reconcile(consume reads, interrupted: cancellation?.isCancelled == true)
    }

    /// Noon UTC of the audit day: "now" for the date rules and for what sources read relative to the day.
    var asOfNoon: Date? { DayClock.date(from: asOf)?.addingTimeInterval(12 * 3600) }

    /// What a channel's reader needs from this audit.
    func environment(for channel: ChannelConfig) -> SourceEnvironment {
        SourceEnvironment(
            name: channel.name, shop: config.shop, currency: channel.currency ?? config.shop.currency,
            fetcher: FileFetcher(), paths: PathResolver(baseDirectory: config.baseDirectory), progress: progress,
            cancellation: cancellation, asOf: asOfNoon)
    }

    /// A channel's read ready for matching (keyless observations set aside), announced on the progress line.
    func settled(_ read: ChannelRead) -> ChannelRead {
        var read = read
        read.setAsideKeyless(keepingTitled: config.matchTitles)
        let coverage = read.coverage
        progress?("\(coverage.channel): \(coverage.read) read, \(coverage.skipped.count) skipped, "
            + "\(coverage.failed.count) failed, \(coverage.problems.count) problems, \(coverage.products) products")
        memoryCheckpoint("reading \(coverage.channel)")
        return read
    }

    /// Matches, checks and reports channel reads (one per configured channel, in config order): the second half
    /// of `run`, and all of `omniaudit merge`.
    func reconcile(_ channelReads: consuming [ChannelRead], interrupted: Bool) -> AuditReport {
        let paths = PathResolver(baseDirectory: config.baseDirectory)
        var reads = (consume channelReads).map(ChannelYield.flagged)
        var observations = reads.flatMap(\.observations)
        for index in reads.indices { reads[index].observations = [] }  // one copy of each observation, not two
        let matcher = Matcher(fields: config.match, urls: IdentityURL(trackingParameters: Set(config.trackingParameters)),
                              matchTitles: config.matchTitles)
        let products = matcher.match(observations)
        observations = []
        memoryCheckpoint("matching (\(products.count) products)")
        var coverage = reads.map(\.coverage)
        UnmatchedProducts.record(products, into: &coverage, channelCount: config.channels.count)
        var failedInputs: [String: Set<String>] = [:]
        for (channel, read) in zip(config.channels, reads) { failedInputs[channel.name, default: []].formUnion(read.failedURLs) }
        var historyProblems: [String] = []
        let asOfDate = asOfNoon
        var recorder: HistoryRecorder?
        var history: PriceHistory?
        var previous: (day: String, counts: [String: Int])?
        if let path = config.history {
            do {
                let opened = try HistoryRecorder(path: path, day: asOf)
                history = try asOfDate.map { date throws(HistoryError) in try opened.priceHistory(asOf: date) }
                previous = try opened.previousCounts()
                recorder = opened
            } catch {
                historyProblems.append("history \(paths.display(error.path)) could not be read: \(error.message)")
            }
        }
        let shopTerms = reads.lazy.compactMap(\.terms).first
        var context = RuleContext(
            channels: config.channels.map(\.name), reference: config.reference,
            fullCatalogChannels: Set(config.channels.filter(\.fullCatalog).map(\.name)),
            unreadableChannels: Set(coverage.filter(\.unreadable).map(\.channel)),
            failedInputs: failedInputs, settings: config.rules, asOf: asOfDate,
            declaredCurrencies: config.channels.reduce(into: [:]) { map, channel in map[channel.name] = channel.currency },
            history: history, shopTerms: shopTerms)
        context.storeChannels = Set(config.channels.filter { $0.kind == "store" }.map(\.name))
        context.messagePromises = reads.flatMap(\.promises)
        let published = reads.compactMap(\.publishedCodes)
        if !published.isEmpty {  // the codes of every message channel that names a list
            context.publishedCodes = PublishedCodes(codes: published.reduce(into: Set<String>()) { $0.formUnion($1.codes) },
                                                    source: published.map(\.source).joined(separator: ", "))
        }
        let findings = Reconciler(context: context, suppressions: config.suppressions, day: asOf, baseline: baseline)
            .findings(products: products, coverage: coverage)
        memoryCheckpoint("rules (\(findings.count) findings)")
        let comparisons = AuditReport.Comparisons(products: products.map(\.observations), channels: config.channels.map(\.name))
        var trend: [AuditReport.TrendPoint]?
        if let recorder, !interrupted {
            do {
                try recorder.record(products: products, findings: findings, configDigest: config.digest)
                trend = try recorder.trend()
            } catch {
                historyProblems.append("history \(paths.display(error.path)) could not be written: \(error.message)")
            }
        }
        var gate = GateVerdict(config: config).decide(
            findings: findings, coverage: coverage, products: products, interrupted: interrupted, previous: previous)
        if !historyProblems.isEmpty {
            gate.reasons += historyProblems
            gate.exitCode = AuditExitCode.incomplete.rawValue
            gate.passed = false
        }
        var grouped: [String: [String: [Observation]]] = [:]
        for product in products { grouped[product.id] = Dictionary(grouping: product.observations, by: \.channel) }
        memoryCheckpoint("building the report")
        return AuditReport(
            tool: .init(version: version),
            run: .init(asOf: asOf, shop: config.shop.name, configDigest: config.digest, reference: config.reference,
                       channels: config.channels.map(\.name),
                       rules: RuleRegistry.ids.filter { context.settings(for: $0).enabled }, locale: config.shop.locale),
            complete: gate.reasons.isEmpty, gate: gate, coverage: coverage, products: grouped, findings: findings,
            comparisons: comparisons, shopTerms: shopTerms, trend: trend)
    }
}

extension ChannelRead {
    /// Moves observations without any identifier (no sku, gtin, mpn or URL) out of matching and into the
    /// channel's problems: they could never be compared, and must not silently become a product.
    /// With `keepingTitled` (titles are a match key), an observation with a title is kept.
    mutating func setAsideKeyless(keepingTitled: Bool = false) {
        let unmatchable = { (observation: Observation) in observation.key.isEmpty && !(keepingTitled && observation.title != nil) }
        let keyless = observations.filter(unmatchable)
        guard !keyless.isEmpty else { return }
        observations.removeAll(where: unmatchable)
        coverage.products = observations.count
        coverage.problems += keyless.map { observation in
            Problem(source: observation.origin?.source ?? coverage.channel, position: observation.origin?.locator ?? "",
                    message: "product has no sku, gtin, mpn or canonical URL, so it cannot be matched with other channels")
        }
    }
}
