import AuditModel
import Foundation
import Report

/// Reads a previous JSON report for `--baseline` and `omniaudit report`.
public enum BaselineReport {
    /// Why a report could not be read, naming the position in the JSON.
    public struct ReadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The whole report.
    public static func load(at path: String) throws(ReadError) -> AuditReport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(description: "cannot be read: \(error.localizedDescription)")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let report: AuditReport
        do {
            report = try decoder.decode(AuditReport.self, from: data)
        } catch let error as DecodingError {
            throw ReadError(description: "not an omniaudit JSON report: \(describe(error))")
        } catch {
            throw ReadError(description: "not an omniaudit JSON report: \(error)")
        }
        guard report.schema == AuditReport.schemaID else {
            throw ReadError(description: "schema '\(report.schema)' is not \(AuditReport.schemaID)")
        }
        return report
    }

    /// The findings of a previous report, read without the rest: its products can be gigabytes, which decoding whole
    /// would need several times over in memory, while the findings are all a baseline compares.
    public static func findings(at path: String) throws(ReadError) -> [Finding] {
        let top: TopLevelJSON
        do {
            top = try TopLevelJSON.read(path, members: ["schema", "findings"])
        } catch {
            throw ReadError(description: "cannot be read: \(error.localizedDescription)")
        }
        guard top.isObject else { throw ReadError(description: "not an omniaudit JSON report: the file is not a JSON object") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let schemaText = top.values["schema"] else {
            throw ReadError(description: "not an omniaudit JSON report: missing key 'schema' at the top level")
        }
        guard let schema = try? decoder.decode([String].self, from: Data("[".utf8) + schemaText + Data("]".utf8)).first else {
            throw ReadError(description: "not an omniaudit JSON report: wrong type at .schema")
        }
        guard schema == AuditReport.schemaID else {
            throw ReadError(description: "schema '\(schema)' is not \(AuditReport.schemaID)")
        }
        guard let findings = top.values["findings"] else {
            throw ReadError(description: "not an omniaudit JSON report: missing key 'findings' at the top level")
        }
        do {
            return try decoder.decode([Finding].self, from: findings)
        } catch let error as DecodingError {
            throw ReadError(description: "not an omniaudit JSON report: \(describe(error, under: ".findings"))")
        } catch {
            throw ReadError(description: "not an omniaudit JSON report: \(error)")
        }
    }

    /// Where in the JSON a decoding error happened (its path after `under`), and what was wrong.
    static func describe(_ error: DecodingError, under prefix: String = "") -> String {
        let (context, what): (DecodingError.Context, String) = switch error {
        case .typeMismatch(_, let context): (context, "wrong type")
        case .valueNotFound(_, let context): (context, "missing value")
        case .keyNotFound(let key, let context): (context, "missing key '\(key.stringValue)'")
        case .dataCorrupted(let context): (context, "malformed")
        @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "unreadable")
        }
        let path = prefix + context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return "\(what) at \(path.isEmpty ? "the top level" : path): \(context.debugDescription)"
    }
}
