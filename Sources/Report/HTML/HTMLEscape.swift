/// Escapes text for HTML element content and quoted attribute values.
enum HTMLEscape {
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for char in value.unicodeScalars {
            switch char {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(char)
            }
        }
        return out
    }

    /// A link target only for http(s) URLs; anything else (javascript:, data:) is not linked.
    static func safeHref(_ value: String) -> String? {
        let lower = value.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? text(value) : nil
    }
}

extension String {
    /// This text escaped for HTML.
    var html: String { HTMLEscape.text(self) }
}
