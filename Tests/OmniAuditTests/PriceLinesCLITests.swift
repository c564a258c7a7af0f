import Foundation
import Normalize
import Testing

/// `omniaudit parse price --jsonl` as users run it: a large stdin split across the cores must come out as one
/// result per line, in order, with malformed lines named by their number.
@Suite("parse price --jsonl through the CLI")
struct PriceLinesCLITests {
    /// Request lines from the price table, with malformed and CRLF lines at known places.
    static func requests() throws -> [String] {
        let table = try String(contentsOfFile: Paths.repo("fixtures/prices/price-table.jsonl"), encoding: .utf8)
        let texts = table.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else { return nil }
            let data = try? JSONSerialization.data(withJSONObject: ["text": text])
            return data.map { String(decoding: $0, as: UTF8.self) }
        }
        var lines: [String] = []
        for index in 0..<100_000 {
            switch index {
            case 1_234, 49_999, 99_998: lines.append("{\"text\": \"broken")
            case 30_000: lines.append("")
            default: lines.append(texts[index % texts.count])
            }
        }
        return lines
    }

    @Test("every line answered in order; errors name lines 1235, 30001, 50000 and 99999")
    func largeInput() throws {
        let lines = try Self.requests()
        let folder = try Paths.temporaryFolder()
        let input = folder + "/input.jsonl"
        // CRLF on some lines, no line break after the last.
        let body = lines.enumerated().map { $0.offset % 7 == 0 ? $0.element + "\r" : $0.element }
            .joined(separator: "\n")
        try body.write(toFile: input, atomically: true, encoding: .utf8)
        #expect(body.utf8.count > 2 * (1 << 20), "more than two blocks, each split across the cores")

        let result = try Paths.run(["parse", "price", "--jsonl", "--currency-hint", "CAD"], input: input)
        #expect(result.status == 0)
        let out = result.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(out.count == lines.count)

        var processor = PriceLineProcessor(currencyHint: "CAD")
        var expected: [UInt8] = []
        var errors: [String] = []
        for line in lines {
            var copy = line
            copy.withUTF8 { if let error = processor.process($0, into: &expected) { errors.append(error) } }
        }
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(out == expectedLines)
        let reported = result.err.split(separator: "\n")
            .map { $0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces) }
        #expect(reported == ["line 1235", "line 30001", "line 50000", "line 99999"])
        #expect(errors.count == 4)
        #expect(out.contains { $0.contains("\"currency\": \"CAD\", \"currency_raw\": \"$\"") },
                "--currency-hint applies")
    }
}
