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
    /// With a spill folder (`run(spillingTo:)`, `readShard(_:spillingTo:)`): how many observations, and how many
    /// pages, stay in memory before the rest go to disk. A small shop's audit then never touches the disk; 0 spills
    /// everything.
    public var keptInMemory = Audit.defaultKeptInMemory
    /// The default of `keptInMemory`: a few megabytes of observations or pages per list.
    public static let defaultKeptInMemory = 2_048

    /// Creates an audit on the config's `as-of` day, else on `now` reduced to the day in the shop's timezone.
    public init(config: AuditConfig, version: String, now: Date = Date(), progress: (@Sendable (String) -> Void)? = nil) {
        self.init(config: config, version: version, day: config.asOf ?? DayClock.day(of: now, timezone: config.shop.timezone),
                  progress: progress)
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

    /// Runs the audit keeping observations on disk in `directory` as they are read (unlinked temp files: none is
    /// left behind, however the run ends), so memory depends on the settings, not on the catalogue: only what
    /// matching needs stays in memory, products are checked one at a time, and the JSON report streams them
    /// back. The report is the same as `run()`'s, byte for byte; it throws only when the disk fails.
    public func run(spillingTo directory: String) throws(SpillError) -> AuditReport {
        let spill = try makeSpill(in: directory)
        let reads = config.channels.map { channel in
            var environment = environment(for: channel)
            environment.spill = spill
            return settled(channel.source.read(environment), spill: spill)
        }
        return try reconcile(consume reads, interrupted: cancellation?.isCancelled == true, spill: spill)
    }

    /// A spill for this audit's observations, in a folder that must exist.
    func makeSpill(in directory: String) throws(SpillError) -> ObservationSpill {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw SpillError(directory: directory, reason: "no such folder")
        }
        return try ObservationSpill(directory: directory, fields: config.match, matchTitles: config.matchTitles, keep: keptInMemory)
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

    /// A channel's read ready for matching (keyless observations set aside; with a spill, the observations
    /// the source returned moved to disk), announced on the progress line.
    func settled(_ read: ChannelRead, spill: ObservationSpill? = nil) -> ChannelRead {
        var read = read
        if let spill, let pending = read.spilled {  // from a shard's spill into the audit's, one at a time, in order
            var keyless: [Problem] = []
            for number in pending.numbers {
                guard let observation = pending.values.value(at: Int(number)) else {
                    spill.noteFailure(pending.values.file.failure ?? SpillError(directory: spill.directory, reason: "unreadable observation"))
                    continue
                }
                if let problem = spill.accept(observation, channel: read.coverage.channel) { keyless.append(problem) }
            }
            if !keyless.isEmpty {
                read.coverage.products = pending.numbers.count - keyless.count
                read.coverage.problems += keyless
            }
            read.spilled = nil
        }
        if let spill, !read.observations.isEmpty {
            let keyless = read.observations.compactMap { spill.accept($0, channel: read.coverage.channel) }
            if !keyless.isEmpty {
                read.coverage.products = read.observations.count - keyless.count
                read.coverage.problems += keyless
            }
            read.observations = []
        } else {
            read.setAsideKeyless(keepingTitled: config.matchTitles)
        }
        let coverage = read.coverage
        progress?("\(coverage.channel): \(coverage.read) read, \(coverage.skipped.count) skipped, "
            + "\(coverage.failed.count) failed, \(coverage.problems.count) problems, \(coverage.products) products")
        memoryCheckpoint("reading \(coverage.channel)")
        return read
    }

    /// Matches, checks and reports channel reads (one per configured channel, in config order): the second half
    /// of `run`, and all of `omniaudit merge`. With a spill, the observations are on disk (in the same order
    /// the reads would hold them) and products are read back one at a time.
    func reconcile(_ channelReads: consuming [ChannelRead], interrupted: Bool) -> AuditReport {
        do {
            return try reconcile(channelReads, interrupted: interrupted, spill: nil)
        } catch {
            preconditionFailure("an audit in memory writes nothing to disk, so it cannot fail to: \(error)")
        }
    }

    func reconcile(_ channelReads: consuming [ChannelRead], interrupted: Bool, spill: ObservationSpill?) throws(SpillError) -> AuditReport {
        let paths = PathResolver(baseDirectory: config.baseDirectory)
        var reads = (consume channelReads).map(ChannelYield.flagged)
        let matcher = Matcher(fields: config.match, urls: IdentityURL(trackingParameters: Set(config.trackingParameters)),
                              matchTitles: config.matchTitles)
        var observations: [Observation] = []
        let groups: MatchGroups
        if let spill {
            groups = matcher.groups(spill.takeEntries())
        } else {
            observations = reads.flatMap(\.observations)
            for index in reads.indices { reads[index].observations = [] }  // one copy of each observation, not two
            groups = matcher.groups(observations)
        }
        if let failure = spill?.failure { throw failure }
        memoryCheckpoint("matching (\(groups.count) products)")
        func observation(_ index: Int) -> Observation? { spill.map { $0.observation(at: index) } ?? observations[index] }
        func product(_ group: Int) throws(SpillError) -> MatchedProduct {
            var members: [Observation] = []
            for index in groups.members(of: group) {
                guard let member = observation(index) else { throw spill?.failure ?? SpillError(directory: spill?.directory ?? "", reason: "unreadable") }
                members.append(member)
            }
            var refused: [RefusedLink] = []
            for refusal in groups.refusals[group, default: []] {
                guard let bridge = observation(refusal.bridge) else { throw spill?.failure ?? SpillError(directory: spill?.directory ?? "", reason: "unreadable") }
                refused.append(RefusedLink(bridge: bridge, field: refusal.field, value: refusal.value, other: refusal.other, conflict: refusal.conflict))
            }
            var product = MatchedProduct(id: groups.ids[group], observations: members, refusedLinks: refused)
            product.matchedByTitle = groups.matchedByTitle.contains(group)
            return product
        }
        var coverage = reads.map(\.coverage)
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
            // A channel whose reading stopped part way is not a whole catalogue this run: its absent products may
            // be after the break, so none is called missing (the gate says the audit is incomplete instead).
            fullCatalogChannels: Set(config.channels.filter(\.fullCatalog).map(\.name))
                .subtracting(coverage.filter { $0.problems.contains(where: \.stopsReading) }.map(\.channel)),
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
        // One pass over the products, one at a time: rules, counts, history rows, unmatched notes, the report's part.
        let reconciler = Reconciler(context: context, suppressions: config.suppressions, day: asOf, baseline: baseline)
        var parts: SpilledReportParts?
        if let spill { parts = try SpilledReportParts(directory: spill.directory) }
        var checks = Reconciler.ProductChecks()
        var comparisons = AuditReport.Comparisons()
        var tally = GateVerdict.Tally(config: config)
        var historyRows: [HistoryRow] = []
        var notes: [Int: [ChannelCoverage.Note]] = [:]
        var grouped: [String: [String: [Observation]]] = [:]
        let meter = StepProgress("products checked", total: groups.count, sink: progress)
        defer { meter.finish() }
        for group in 0..<groups.count {
            meter.step()
            let product = try product(group)
            if let (index, note) = UnmatchedProducts.note(for: product, coverage: coverage, channelCount: config.channels.count) {
                if let parts { try parts.append(note, channel: coverage[index].channel) } else { notes[index, default: []].append(note) }
            }
            reconciler.check(product, into: &checks)
            comparisons.add(product.observations)
            tally.add(product)
            if let recorder { historyRows += recorder.rows(for: product) }
            let channels = Dictionary(grouping: product.observations, by: \.channel)
            if let parts {
                do { try parts.append(id: product.id, channels: channels) } catch { throw SpillError(directory: spill?.directory ?? "", reason: "\(error)") }
            } else {
                grouped[product.id] = channels
            }
        }
        for (index, list) in notes { coverage[index].unmatched = (coverage[index].unmatched ?? []) + list }
        let findings = reconciler.findings(checks, coverage: coverage)
        memoryCheckpoint("rules (\(findings.count) findings)")
        var trend: [AuditReport.TrendPoint]?
        if let recorder, !interrupted {
            do {
                try recorder.record(rows: historyRows, findings: findings, configDigest: config.digest)
                trend = try recorder.trend()
            } catch {
                historyProblems.append("history \(paths.display(error.path)) could not be written: \(error.message)")
            }
        }
        historyRows = []
        var gate = GateVerdict(config: config).decide(
            findings: findings, coverage: coverage, tally: tally, interrupted: interrupted, previous: previous)
        if !historyProblems.isEmpty {
            gate.reasons += historyProblems
            gate.exitCode = AuditExitCode.incomplete.rawValue
            gate.passed = false
        }
        if let parts {  // in memory: the products the findings name (what the HTML report shows)
            parts.finish()
            let named = Set(findings.map(\.product))
            for group in 0..<groups.count where named.contains(groups.ids[group]) {
                grouped[groups.ids[group]] = Dictionary(grouping: try product(group).observations, by: \.channel)
            }
            if let failure = spill?.failure ?? parts.failure { throw failure }
        }
        memoryCheckpoint("building the report")
        return AuditReport(
            tool: .init(version: version),
            run: .init(asOf: asOf, shop: config.shop.name, configDigest: config.digest, reference: config.reference,
                       channels: config.channels.map(\.name),
                       rules: RuleRegistry.ids.filter { context.settings(for: $0).enabled }, locale: config.shop.locale),
            complete: gate.reasons.isEmpty, gate: gate, coverage: coverage, products: grouped, findings: findings,
            comparisons: comparisons, shopTerms: shopTerms, trend: trend, spill: parts)
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
        coverage.problems += keyless.map { Self.keylessProblem($0, channel: coverage.channel) }
    }

    /// The problem an observation without any identifier becomes.
    static func keylessProblem(_ observation: Observation, channel: String) -> Problem {
        Problem(source: observation.origin?.source ?? channel, position: observation.origin?.locator ?? "",
                message: "product has no sku, gtin, mpn or canonical URL, so it cannot be matched with other channels")
    }
}
