import ArgumentParser
import Foundation
import OmniAudit

/// The options of the commands that report an audit (`audit`, `merge`): where and how the reports are written
/// and how the gate decides.
struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "The report folder (overrides report.out).")
    var out: String?

    @Option(name: .long, help: "Fail at or above this severity: error, warning, notice or never (overrides gate.fail-on).")
    var failOn: FailOn?

    @Option(name: .long, help: "Report formats, comma-separated: html, json, junit, markdown, sarif (overrides report.formats).")
    var format: String?

    @Option(name: .long, help: "A previous JSON report: findings become new, persisting or fixed against it.")
    var baseline: String?

    @Flag(name: .shortAndLong, help: "Print only errors and the one-line verdict (no progress).")
    var quiet = false

    @Option(name: .long, help: "The folder observations are kept in while the audit runs, so memory does not grow with the catalogue (default: $TMPDIR or /tmp). The files are unlinked as they are created: nothing is left behind.")
    var spillDir: String?

    /// Where the audit spills its observations.
    var spillDirectory: String {
        if let spillDir { return spillDir }
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        return temporary.isEmpty ? "/tmp" : temporary
    }

    /// Runs a spilling audit step; a disk failure exits with the incomplete code, naming the folder.
    func spilling<T>(_ body: (String) throws(SpillError) -> T) throws -> T {
        do {
            return try body(spillDirectory)
        } catch {
            Console.error(error.description)
            throw ExitCode(AuditExitCode.incomplete.rawValue)
        }
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, notice, never
    }

    /// Progress lines to stderr, unless `--quiet`.
    var progress: (@Sendable (String) -> Void)? { quiet ? nil : { @Sendable line in Console.error(line) } }

    /// The config with these options applied; a config error exits with the config code.
    func loadConfig(_ path: String) throws -> AuditConfig {
        var settings: AuditConfig
        do {
            settings = try ConfigLoader.load(path: path)
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
        return settings
    }

    /// The findings of `--baseline`, when given.
    func baselineFindings() throws -> [Finding]? {
        guard let baseline else { return nil }
        do {
            return try BaselineReport.findings(at: baseline)
        } catch {
            Console.error("\(baseline): \(error)")
            throw ExitCode(AuditExitCode.usage.rawValue)
        }
    }

    /// Writes the reports, publishes CI annotations, prints the verdict and exits with the gate's code.
    func publish(_ report: AuditReport, settings: AuditConfig) throws -> Never {
        let written: [String]
        do {
            written = try ReportWriter.write(report, formats: settings.report.formats, to: settings.report.out)
        } catch {
            Console.error("cannot write reports to \(settings.report.out): \(error.localizedDescription)")
            throw ExitCode(AuditExitCode.incomplete.rawValue)
        }
        if !quiet, let line = StageMemory.line("writing the reports") { Console.error(line) }
        for line in CIPublisher.publish(report) { Console.error(line) }
        // The verdict line is printed even with --quiet: it is the one line a CI log must show.
        print(Summary.line(report, written: quiet ? [] : written))
        throw ExitCode(report.gate.exitCode)
    }
}
