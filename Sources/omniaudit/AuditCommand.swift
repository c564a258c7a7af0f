import ArgumentParser
import Foundation
import OmniAudit

/// `omniaudit audit`: run the audit described by the config, write the reports, exit with the gate's code.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Audit every channel of the config and write the reports.")

    @Option(name: .long, help: "The config file.")
    var config = "omniaudit.yml"

    @Option(name: .long, help: "The report folder (overrides report.out).")
    var out: String?

    @Option(name: .long, help: "Fail at or above this severity: error, warning, notice or never (overrides gate.fail-on).")
    var failOn: FailOn?

    @Option(name: .long, help: "The audit day, yyyy-MM-dd (default: today in the shop's timezone).")
    var asOf: String?

    @Option(name: .long, help: "Report formats, comma-separated: html, json, junit, markdown, sarif (overrides report.formats).")
    var format: String?

    @Option(name: .long, help: "A previous JSON report: findings become new, persisting or fixed against it.")
    var baseline: String?

    @Flag(name: .long, help: "Do not use the HTTP cache (conditional GET): download every page again.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print only errors and the one-line verdict (no progress).")
    var quiet = false

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, notice, never
    }

    func run() throws {
        var settings: AuditConfig
        do {
            settings = try ConfigLoader.load(path: config)
        } catch {
            Console.error(error.description)
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        if let failOn { settings.gate.failOn = Severity(rawValue: failOn.rawValue) }
        if let out { settings.report.out = out }
        if let format {
            switch CIPublisher.formats(format) {
            case .success(let formats): settings.report.formats = formats
            case .failure(let error): throw ValidationError(error.description)
            }
        }
        if noCache { settings.disableCache() }
        let progress: (@Sendable (String) -> Void)? = quiet ? nil : { @Sendable line in Console.error(line) }
        var audit = Audit(config: settings, version: OmniAuditVersion.current, progress: progress)
        if let asOf {
            // The day as given: it is already the shop's day, whatever its timezone.
            guard asOf.count == 10, DayClock.date(from: asOf) != nil else { throw ValidationError("--as-of must be a date like 2026-11-23") }
            audit.asOf = asOf
        }
        if let baseline {
            do {
                audit.baseline = try BaselineReport.findings(at: baseline)
            } catch {
                Console.error("\(baseline): \(error)")
                throw ExitCode(AuditExitCode.usage.rawValue)
            }
        }
        let cancellation = AuditCancellation()
        audit.cancellation = cancellation
        let signals = Interrupts.install(cancellation)
        let report = audit.run()
        withExtendedLifetime(signals) {}
        let written: [String]
        do {
            written = try ReportWriter.write(report, formats: settings.report.formats, to: settings.report.out)
        } catch {
            Console.error("cannot write reports to \(settings.report.out): \(error.localizedDescription)")
            throw ExitCode(AuditExitCode.incomplete.rawValue)
        }
        for line in CIPublisher.publish(report) { Console.error(line) }
        // The verdict line is printed even with --quiet: it is the one line a CI log must show.
        print(Summary.line(report, written: quiet ? [] : written))
        throw ExitCode(report.gate.exitCode)
    }
}
