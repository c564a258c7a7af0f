import AuditModel
import Extract
import Foundation
import Testing

/// Fields written the RFC 4180 way (quotes doubled, fields with separators, quotes or newlines quoted) read back
/// exactly, whatever the chunk boundaries; random bytes never crash the readers.
@Suite struct DelimitedRoundTripTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let alphabet: [String] = ["a", "b", "Z", "1", " ", ",", ";", "\t", "\"", "\n", "\r\n", "é", "€", "«", "x"]

    func field(_ random: inout Generator) -> String {
        (0..<random.next(8)).map { _ in Self.alphabet[random.next(Self.alphabet.count)] }.joined()
    }

    func quoted(_ text: String, separator: Character) -> String {
        guard text.contains(separator) || text.contains("\"") || text.contains("\n") || text.contains("\r") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    @Test(arguments: [Character(","), Character("\t")])
    func quotedFieldsReadBackExactly(separator: Character) {
        var random = Generator(state: separator == "," ? 42 : 7)
        let columns = ["id", "title", "description"]
        var rows: [[String]] = []
        for index in 0..<20_000 { rows.append(["ID-\(index)", field(&random), field(&random)]) }  // > 256 KiB: rows cross chunks
        let text = ([columns] + rows).map { $0.map { quoted($0, separator: separator) }.joined(separator: String(separator)) }
            .joined(separator: "\n") + "\n"
        #expect(text.utf8.count > 256 << 10)
        var read: [[String]] = []
        let reader = DelimitedReader(separator: UInt8(ascii: separator.unicodeScalars.first!))
        let problems = reader.read(FeedInput(data: Data(text.utf8)), source: "round.csv") { record in
            read.append(columns.map { name in record.values.first { $0.name == name }?.text ?? "" })
        }
        #expect(problems.isEmpty)
        #expect(read == rows.map { row in row.map { $0 } })
    }

    @Test func randomBytesNeverCrashAnyReader() {
        var random = Generator(state: 2026)
        let pieces = ["<", ">", "item", "g:id", "</", "\"", ",", "\n", "{", "}", "[", "]", ":", "&amp;", "<![CDATA[", "]]>", "\u{FEFF}", "x", "1.00 EUR"]
        for _ in 0..<300 {
            let text = (0..<random.next(60)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let extractor = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "fuzz", defaultCurrency: "EUR"))
            let result = extractor.extract(Data(text.utf8), source: "fuzz")
            #expect(result.observations.allSatisfy { !$0.key.isEmpty || $0.title != nil })
        }
    }
}
