/// Lines of a `text/plain` part, numbered from 1, with the URLs written in them as links (`<https://…>` or bare).
enum PlainText {
    static func lines(_ text: String) -> [MailLine] {
        var result: [MailLine] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let line = MailReader.collapse(String(raw))
            guard !line.isEmpty else { continue }
            result.append(MailLine(number: number, text: line, links: urls(in: line)))
        }
        return result
    }

    /// `http(s)://` URLs in a line, trailing punctuation and angle brackets removed.
    static func urls(in line: String) -> [String] {
        var found: [String] = []
        var rest = Substring(line)
        while let range = rest.range(of: "http", options: .caseInsensitive) {
            let tail = rest[range.lowerBound...]
            let url = tail.prefix { !($0.isWhitespace || $0 == ">" || $0 == "<" || $0 == "\"" || $0 == ")" || $0 == "]") }
            let trimmed = url.reversed().drop { ".,;:!?'".contains($0) }.reversed()
            let text = String(trimmed)
            if text.lowercased().hasPrefix("http://") || text.lowercased().hasPrefix("https://") { found.append(text) }
            rest = rest[url.endIndex...]
        }
        return found
    }
}
