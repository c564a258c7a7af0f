import ArgumentParser
import Foundation
import OmniAudit
import Report

/// `omniaudit report FILE --format …`: renders the reports again from a JSON report, without reading any channel.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Render reports again from a JSON report (no crawling).")

    @Argument(help: "A JSON report written by `omniaudit audit` (omniaudit.json).")
    var file: String

    @Option(name: .long, help: "Formats, comma-separated: html, json, junit, markdown, sarif.")
    var format = "html"

    @Option(name: .long, help: "The folder to write to (default: the JSON report's folder).")
    var out: String?

    func run() throws {
        let formats: [String]
        switch CIPublisher.formats(format) {
        case .success(let names): formats = names
        case .failure(let error): throw ValidationError(error.description)
        }
        let report: AuditReport
        do {
            report = try BaselineReport.load(at: file)
        } catch {
            Console.error("\(file): \(error)")
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        let folder = out ?? (file as NSString).deletingLastPathComponent
        do {
            for path in try ReportWriter.write(report, formats: formats, to: folder.isEmpty ? "." : folder) {
                print("wrote \(path)")
            }
        } catch {
            Console.error("cannot write reports to \(folder): \(error.localizedDescription)")
            throw ExitCode(AuditExitCode.incomplete.rawValue)
        }
    }
}
