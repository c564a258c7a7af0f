import ArgumentParser
import Foundation
import OmniAudit

/// `omniaudit merge`: reconcile and report the shards of a sharded audit as one run would have.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Reconcile the shards written by 'audit --shard I/N --emit-observations DIR' and write the reports.",
        discussion: """
            Give the folders (or files) the shards were written to. All shards 1…N must be there, read with the \
            same config, day and version; the report is byte-identical to a single-machine audit.
            """)

    @Argument(help: "Shard folders or shard-*.json files.")
    var shards: [String]

    @Option(name: .long, help: "The config file the shards were read with.")
    var config = "omniaudit.yml"

    @OptionGroup var output: ReportOptions

    func run() throws {
        let settings = try output.loadConfig(config)
        let set: ShardSet
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output.spillDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            Console.error(SpillError(directory: output.spillDirectory, reason: "no such folder").description)
            throw ExitCode(AuditExitCode.incomplete.rawValue)
        }
        do {
            set = try ShardSet(paths: shards, config: settings, version: OmniAuditVersion.current, spillDirectory: output.spillDirectory)
        } catch {
            Console.error(error.description)
            throw ExitCode(AuditExitCode.usage.rawValue)
        }
        var audit = Audit(config: settings, version: OmniAuditVersion.current, day: set.asOf, progress: output.progress)
        audit.baseline = try output.baselineFindings()
        output.progress?("merging \(set.shards.count) shard\(set.shards.count == 1 ? "" : "s")")
        let report = try output.spilling { directory throws(SpillError) in try audit.merge(set, spillingTo: directory) }
        try output.publish(report, settings: settings)
    }
}
