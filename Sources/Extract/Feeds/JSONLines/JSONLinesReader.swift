import AuditModel
import Foundation

/// Streams a JSON Lines feed: one JSON object per line, blank lines skipped. A line that is not valid JSON is
/// reported with its line and column and skipped; the other lines are still read.
public struct JSONLinesReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads every line, handing each parsed object with its line number to `each`; returns the problems.
    public func read(_ input: FeedInput, source: String, each: (JSONValue, Int) -> Void) -> [Problem] {
        read(input, source: source, chunkSize: 256 << 10, each: each)
    }

    /// `read(_:source:each:)` with chunks of `chunkSize` bytes (tests try every boundary).
    func read(_ input: FeedInput, source: String, chunkSize: Int, each: (JSONValue, Int) -> Void) -> [Problem] {
        var problems: [Problem] = []
        input.convertingUTF16()
        var chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
        var pending: [UInt8] = []
        var line = 0
        func handle(_ bytes: ArraySlice<UInt8>) {
            line += 1
            var text = String(decoding: bytes, as: UTF8.self)
            if line == 1, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            guard !text.allSatisfy(\.isWhitespace) else { return }
            do {
                let value = try JSONParser.parse(text, lenient: false)
                guard case .object = value else {
                    problems.append(Problem(source: source, position: "line \(line)", message: "not a JSON object: line skipped"))
                    return
                }
                each(value, line)
            } catch {
                problems.append(Problem(source: source, position: "line \(line), column \(error.column)",
                                        message: "malformed JSON: \(error.message): line skipped"))
            }
        }
        // A line ends at LF, CRLF or a lone CR (a JSON line holds no raw CR: inside a string it is written \r).
        var afterCR = false
        while true {
            let count = chunk.withUnsafeMutableBytes { input.read(into: $0) }
            if count <= 0 { break }
            var start = 0
            for index in 0..<count where chunk[index] == 0x0A || chunk[index] == 0x0D {
                defer { afterCR = chunk[index] == 0x0D }
                if chunk[index] == 0x0A && afterCR && index == start && pending.isEmpty {
                    start = index + 1  // the LF of a CRLF
                    continue
                }
                if pending.isEmpty {
                    handle(chunk[start..<index])
                } else {
                    pending += chunk[start..<index]
                    handle(pending[...])
                    pending.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            if start < count { afterCR = false }
            pending += chunk[start..<count]
        }
        // After a failure (a truncated gzip, a read error) the last line is one the failure cut short: said as such,
        // not as malformed JSON, and never read as an item.
        let cutShort = input.cutShort(pending)
        if !pending.isEmpty && !cutShort { handle(pending[...]) }
        if let failure = input.failure {
            problems.append(Problem(source: source, position: "line \(line + 1)", message: "\(failure) (reading stopped here)", stopsReading: true))
        }
        if cutShort {
            problems.append(Problem(source: source, position: "line \(line + 1)",
                                    message: "the line here was cut short where reading stopped: not read as an item"))
        }
        return problems
    }
}
