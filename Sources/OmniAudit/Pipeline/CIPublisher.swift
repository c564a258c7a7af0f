import Foundation
import Report

/// What a CI system reads beside the report files: the Markdown summary appended to `$GITHUB_STEP_SUMMARY`, and
/// GitHub Actions annotations when `GITHUB_ACTIONS=true`.
public enum CIPublisher {
    /// Appends the Markdown summary to the step summary file and returns the annotation lines to print on stderr
    /// (empty outside GitHub Actions).
    public static func publish(_ report: AuditReport, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [String]
    {
        if let path = environment["GITHUB_STEP_SUMMARY"], !path.isEmpty, let data = try? MarkdownReporter().render(report) {
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(data)
                handle.closeFile()
            } else {
                FileManager.default.createFile(atPath: path, contents: data)
            }
        }
        return environment["GITHUB_ACTIONS"] == "true" ? GitHubAnnotations.lines(report) : []
    }

    /// Parses `--format html,json,junit`: every name must be a known format.
    public static func formats(_ list: String) -> Result<[String], FormatError> {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if let unknown = names.first(where: { !Reporters.formats.contains($0) }) {
            return .failure(FormatError(name: unknown))
        }
        return names.isEmpty ? .failure(FormatError(name: list)) : .success(names)
    }

    /// An unknown report format name.
    public struct FormatError: Error, CustomStringConvertible {
        public var name: String
        public var description: String {
            "unknown report format '\(name)': use a comma-separated list of \(Reporters.formats.joined(separator: ", "))"
        }
    }
}
