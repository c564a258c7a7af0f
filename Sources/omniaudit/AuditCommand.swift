import ArgumentParser
import Foundation
import OmniAudit

/// `omniaudit audit`: run the audit described by the config, write the reports, exit with the gate's code.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Audit every channel of the config and write the reports.")

    @Option(name: .long, help: "The config file.")
    var config = "omniaudit.yml"

    @Option(name: .long, help: "The audit day, yyyy-MM-dd (default: today in the shop's timezone).")
    var asOf: String?

    @OptionGroup var output: ReportOptions

    @Option(name: .long, help: "Read only shard I of N (e.g. 2/7) of the web pages, and write what was read with --emit-observations instead of reporting; 'omniaudit merge' reports all shards.")
    var shard: String?

    @Option(name: .long, help: "With --shard: the folder the shard's observations are written to (shard-I-of-N.json).")
    var emitObservations: String?

    @Flag(name: .long, help: "Do not use the HTTP cache (conditional GET): download every page again.")
    var noCache = false

    func run() throws {
        var settings = try output.loadConfig(config)
        if noCache { settings.disableCache() }
        var audit = Audit(config: settings, version: OmniAuditVersion.current, progress: output.progress)
        if let asOf {
            // The day as given: it is already the shop's day, whatever its timezone.
            guard asOf.count == 10, DayClock.date(from: asOf) != nil else { throw ValidationError("--as-of must be a date like 2026-11-23") }
            audit.asOf = asOf
        }
        let cancellation = AuditCancellation()
        audit.cancellation = cancellation
        if let shard {
            try emitShard(shard, audit: audit, cancellation: cancellation)
            return
        }
        guard emitObservations == nil else { throw ValidationError("--emit-observations needs --shard I/N (use --shard 1/1 for one machine)") }
        audit.baseline = try output.baselineFindings()
        let signals = Interrupts.install(cancellation)
        let report = try output.spilling { directory throws(SpillError) in try audit.run(spillingTo: directory) }
        withExtendedLifetime(signals) {}
        try output.publish(report, settings: settings)
    }

    /// `--shard I/N --emit-observations DIR`: reads the slice and writes it; exits 0 when written (2 when
    /// interrupted), since the gate is decided by `merge`.
    private func emitShard(_ text: String, audit: Audit, cancellation: AuditCancellation) throws {
        guard let spec = ShardSpec(parsing: text) else {
            throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N ≤ \(ShardSpec.maxCount), e.g. 2/7")
        }
        guard let folder = emitObservations else { throw ValidationError("--shard needs --emit-observations DIR: a shard is reported by 'omniaudit merge'") }
        if output.baseline != nil { throw ValidationError("--baseline belongs to 'omniaudit merge', which reports the shards") }
        if let refusal = Audit.shardRefusal(audit.config) {
            Console.error("\(config): \(refusal)")
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        let signals = Interrupts.install(cancellation)
        let document = try output.spilling { directory throws(SpillError) in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
                throw SpillError(directory: directory, reason: "no such folder")
            }
            return try audit.readShard(spec, spillingTo: directory)
        }
        withExtendedLifetime(signals) {}
        let path: String
        do {
            path = try document.write(into: folder)
        } catch {
            Console.error("cannot write the shard to \(folder): \(error.localizedDescription)")
            throw ExitCode(AuditExitCode.incomplete.rawValue)
        }
        print("shard \(spec) written to \(path)\(document.interrupted ? " (interrupted: the merge will be incomplete)" : "")")
        if document.interrupted { throw ExitCode(AuditExitCode.incomplete.rawValue) }
    }
}
