import Foundation

/// Adds a suppression to a config file as text, so that its comments and layout stay as the user wrote them:
/// a new item at the end of the block list under `suppressions:`, or a new `suppressions:` section at the end
/// of the file. The result is validated by loading it before anything is written.
public enum SuppressionEditor {
    /// Why the config could not be edited.
    public struct EditError: Error, CustomStringConvertible {
        public var description: String
    }

    /// The config text with one more suppression.
    public static func adding(fingerprint: String, reason: String, until: String?, to text: String) throws(EditError) -> String {
        let item = "{ fingerprint: \"\(fingerprint)\", reason: \(quoted(reason))\(until.map { ", expires: \($0)" } ?? "") }"
        var lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("suppressions:") }) else {
            var result = text
            if !result.hasSuffix("\n") && !result.isEmpty { result += "\n" }
            return result + "suppressions:\n  - \(item)\n"
        }
        let rest = lines[start].dropFirst("suppressions:".count).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("[]") {
            lines[start] = "suppressions:"
            lines.insert("  - \(item)", at: start + 1)
            return lines.joined(separator: "\n")
        }
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw EditError(description: "suppressions: is written inline; turn it into a block list (one '- ' item per line) first")
        }
        // The block ends at the next line that is neither indented, blank nor a comment.
        var end = start + 1
        var indent = "  "
        var last = start
        while end < lines.count {
            let line = lines[end]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !line.hasPrefix(" ") && !line.hasPrefix("-") && !trimmed.isEmpty && !trimmed.hasPrefix("#") { break }
            if trimmed.hasPrefix("- ") {
                indent = String(line.prefix { $0 == " " })
                last = end
            } else if !trimmed.isEmpty && !trimmed.hasPrefix("#") {
                last = end
            }
            end += 1
        }
        lines.insert("\(indent)- \(item)", at: last + 1)
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: " ") + "\""
    }
}
