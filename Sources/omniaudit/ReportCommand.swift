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
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            report = try decoder.decode(AuditReport.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        } catch let error as DecodingError {
            Console.error("\(file): not an omniaudit JSON report: \(ReportCommand.describe(error))")
            throw ExitCode(AuditExitCode.config.rawValue)
        } catch {
            Console.error("\(file): cannot be read: \(error.localizedDescription)")
            throw ExitCode(AuditExitCode.config.rawValue)
        }
        guard report.schema == AuditReport.schemaID else {
            Console.error("\(file): schema '\(report.schema)' is not \(AuditReport.schemaID)")
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

    /// Where in the JSON a decoding error happened, and what was wrong.
    static func describe(_ error: DecodingError) -> String {
        let (context, what): (DecodingError.Context, String) = switch error {
        case .typeMismatch(_, let context): (context, "wrong type")
        case .valueNotFound(_, let context): (context, "missing value")
        case .keyNotFound(let key, let context): (context, "missing key '\(key.stringValue)'")
        case .dataCorrupted(let context): (context, "malformed")
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "unreadable")
        }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return "\(what) at \(path.isEmpty ? "the top level" : path): \(context.debugDescription)"
    }
}
