import Foundation
import Report

/// Writes the configured report formats into the output folder, each atomically (temp file + rename).
public enum ReportWriter {
    /// Writes every format and returns the paths written.
    public static func write(_ report: AuditReport, formats: [String], to folder: String) throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var written: [String] = []
        for format in formats {
            guard let reporter = Reporters.reporter(for: format) else { continue }
            let data = try reporter.render(report)
            let path = (folder as NSString).appendingPathComponent(reporter.fileName)
            let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
            try data.write(to: URL(fileURLWithPath: temporary))
            if rename(temporary, path) != 0 {
                try? FileManager.default.removeItem(atPath: temporary)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            written.append(path)
        }
        return written
    }
}
