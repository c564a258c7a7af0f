import AuditModel
import Foundation
import Reconcile
import Report

/// Decides the release gate: incomplete (exit 2) when anything kept the audit from checking what it should —
/// interrupted, a channel unreadable, empty or below the coverage gate, a compared field missing from a
/// channel's products, or two catalogue channels that share no product — else failed (exit 1) on a finding at
/// or above `gate.fail-on`, else passed. Every reason is stated in the report.
struct GateVerdict {
    let config: AuditConfig

    /// What the gate needs to know of the products, counted one product at a time.
    struct Tally {
        /// Per observation channel: observations, and per compared field those carrying it.
        var observations: [String: Int] = [:]
        var carrying: [String: [String: Int]] = [:]
        /// Per observation channel: the products it shows.
        var products: [String: Int] = [:]
        /// Pairs of catalogue channels that share a product.
        var shared: Set<[String]> = []
        let catalogues: [String]

        init(config: AuditConfig) { catalogues = config.channels.filter(\.fullCatalog).map(\.name) }

        mutating func add(_ product: MatchedProduct) {
            for observation in product.observations {
                observations[observation.channel, default: 0] += 1
                for field in AuditReport.Comparisons.comparedFields where AuditReport.Comparisons.carries(observation, field) {
                    carrying[observation.channel, default: [:]][field, default: 0] += 1
                }
            }
            let channels = product.channels
            for channel in channels { products[channel, default: 0] += 1 }
            for (index, first) in catalogues.enumerated() where channels.contains(first) {
                for second in catalogues.dropFirst(index + 1) where channels.contains(second) { shared.insert([first, second]) }
            }
        }
    }

    func decide(findings: [Finding], coverage: [ChannelCoverage], products: [MatchedProduct], interrupted: Bool,
                previous: (day: String, counts: [String: Int])? = nil) -> AuditReport.Gate {
        var tally = Tally(config: config)
        for product in products { tally.add(product) }
        return decide(findings: findings, coverage: coverage, tally: tally, interrupted: interrupted, previous: previous)
    }

    func decide(findings: [Finding], coverage: [ChannelCoverage], tally: Tally, interrupted: Bool,
                previous: (day: String, counts: [String: Int])? = nil) -> AuditReport.Gate {
        let products = tally
        var reasons: [String] = []
        if interrupted { reasons.append("interrupted by a signal before every input was read: the report is partial") }
        for channel in coverage { reasons += channelReasons(channel) }
        if let previous { reasons += collapseReasons(products: products, previous: previous) }
        reasons += fieldReasons(products: products, coverage: coverage)
        reasons += disjointReasons(products: products, coverage: coverage)
        let failOn = config.gate.failOn
        let blocking = findings.filter { finding in
            finding.status != .suppressed && finding.status != .fixed && (!config.gate.failOnNew || finding.status == .new)
                && failOn.map { finding.severity >= $0 } ?? false
        }.count
        let code: AuditExitCode = !reasons.isEmpty ? .incomplete : (blocking > 0 ? .findings : .passed)
        return AuditReport.Gate(failOn: failOn, minCoverage: config.gate.minCoverage, passed: code == .passed,
                                exitCode: code.rawValue, blocking: blocking, reasons: reasons)
    }

    private func channelReasons(_ channel: ChannelCoverage) -> [String] {
        let name = channel.channel
        if channel.unreadable {
            return ["\(name): could not be read at all (\(channel.failed.count) input\(channel.failed.count == 1 ? "" : "s") failed)"]
        }
        var reasons: [String] = []
        // A feed read part way (a syntax error, a truncated download): what came after was not checked, so the
        // products it leaves out are not called missing, and the audit is incomplete.
        for stop in channel.problems where stop.stopsReading {
            reasons.append("\(name): reading \(stop.source) stopped at \(stop.position.isEmpty ? "its start" : stop.position) "
                + "(\(stop.message)): what came after was not checked")
        }
        if ChannelYield.isEmpty(channel) {
            reasons.append(channel.read == 0
                ? "\(name): nothing was read (\(channel.skipped.count) skipped), so no product could be checked"
                : "\(name): read \(channel.read) input\(channel.read == 1 ? "" : "s") but found no product")
        }
        if channel.ratio < config.gate.minCoverage {
            var parts = ["\(channel.read) read"]
            if !channel.failed.isEmpty { parts.append("\(channel.failed.count) failed") }
            if channel.blocked > 0 { parts.append("\(channel.blocked) blocked by robots.txt") }
            if channel.productless > 0 { parts.append("\(channel.productless) without a product") }
            reasons.append("\(name): coverage \(Self.format(channel.ratio)) is below gate.min-coverage "
                + "\(Self.format(config.gate.minCoverage)) (\(parts.joined(separator: ", ")))")
        }
        return reasons
    }

    /// A channel whose products lack a field it is configured to deliver (a mapping typo) was not compared.
    private func fieldReasons(products tally: Tally, coverage: [ChannelCoverage]) -> [String] {
        config.channels.flatMap { channel -> [String] in
            let names = tally.observations.keys.filter { $0 == channel.name || $0.hasPrefix(channel.name + "@") }
            let count = names.reduce(0) { $0 + (tally.observations[$1] ?? 0) }
            guard count > 0 else { return [] }
            return channel.source.deliveredFields.compactMap { delivered in
                let carrying = names.reduce(0) { $0 + (tally.carrying[$1]?[delivered.field] ?? 0) }
                let share = Double(carrying) / Double(count)
                let short = delivered.essential ? share < config.gate.minFieldCoverage : carrying == 0
                guard short else { return nil }
                return "\(channel.name): only \(carrying) of \(count) products carry \(delivered.field)"
                    + (delivered.essential ? " (gate.min-field-coverage \(Self.format(config.gate.minFieldCoverage)))" : "")
                    + "; \(delivered.hint)"
            }
        }
    }

    /// Two catalogue channels that both have products but share none point to a wrong `match` setup.
    private func disjointReasons(products tally: Tally, coverage: [ChannelCoverage]) -> [String] {
        let catalogues = config.channels.filter(\.fullCatalog).map(\.name)
            .filter { name in coverage.contains { $0.channel == name && $0.products > 0 } }
        var reasons: [String] = []
        for (index, first) in catalogues.enumerated() {
            for second in catalogues.dropFirst(index + 1)
            where !tally.shared.contains([first, second]) {
                reasons.append("\(first) and \(second) share no product: nothing could be compared; check `match` "
                    + "(\((config.match.map(\.rawValue) + (config.matchTitles ? ["title"] : [])).joined(separator: ", "))) and the identifiers each channel gives")
            }
        }
        return reasons
    }

    /// A channel showing far fewer products than in the previous recorded run collapsed (a broken theme, a
    /// truncated feed): `gate.min-products-ratio` of the previous count at least.
    private func collapseReasons(products tally: Tally, previous: (day: String, counts: [String: Int])) -> [String] {
        let current = tally.products
        return config.channels.flatMap { channel -> [String] in
            let names = previous.counts.keys.filter { $0 == channel.name || $0.hasPrefix(channel.name + "@") }
            let before = names.reduce(0) { $0 + (previous.counts[$1] ?? 0) }
            let now = current.filter { $0.key == channel.name || $0.key.hasPrefix(channel.name + "@") }.values.reduce(0, +)
            guard before > 0, Double(now) < Double(before) * config.gate.minProductsRatio else { return [] }
            return ["\(channel.name): \(now) products, down from \(before) in the run of \(previous.day) "
                + "(below gate.min-products-ratio \(Self.format(config.gate.minProductsRatio)))"]
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
