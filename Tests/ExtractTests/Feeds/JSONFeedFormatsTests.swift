import AuditModel
@testable import Extract
import Foundation
import Testing

@Suite struct JSONFeedFormatsTests {
    @Test func readsJSONLinesWithStandardNamesAndLocatesByLine() throws {
        let result = try FeedFixtures.read("merchant.jsonl", currency: "USD")
        #expect(result.problems.isEmpty)
        #expect(result.observations.map(\.origin?.locator) == ["line 1", "line 2", "line 4"])
        #expect(result.observations[0].price?.evidence.locator == "line 1, price")
        #expect(result.observations[0].shipping?.value.cost == FeedFixtures.money("4.95", "USD"))
        #expect(result.observations[2].price?.value == FeedFixtures.money("45.5", "USD"))  // a number, default currency
    }

    @Test func aBrokenJSONLineIsSkippedWithItsPosition() {
        let extractor = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: "EUR"))
        let result = extractor.extract(Data("{\"id\": \"A\", \"price\": 1}\n{\"id\": \"B\", \"price\": }\n{\"id\": \"C\", \"price\": 3}\n".utf8), source: "x.jsonl")
        #expect(result.observations.map(\.key.sku) == ["A", "C"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.position.hasPrefix("line 2, column ") == true)
    }

    @Test func jsonLinesEndedByCRLFOrALoneCRAreReadLineByLine() {
        let text = "{\"id\": \"A\"}\r\n{\"id\": \"B\"}\r{\"id\": \"C\", \"t\": \"a\\rb\"}\n\r\n{\"id\": \"D\"}\r"
        for size in [1, 2, 3, 5, 256] {
            var lines: [Int] = []
            var ids: [String] = []
            let problems = JSONLinesReader().read(FeedInput(data: Data(text.utf8)), source: "x.jsonl", chunkSize: size) { item, line in
                ids.append(item["id"]?.text ?? "")
                lines.append(line)
            }
            #expect(problems.isEmpty, "chunks of \(size)")
            #expect(ids == ["A", "B", "C", "D"], "chunks of \(size)")
            #expect(lines == [1, 2, 3, 5], "chunks of \(size)")  // line 4 is blank
        }
    }

    @Test func aUTF16JSONLinesFeedIsRead() {
        let text = "\u{FEFF}{\"id\": \"A\", \"price\": \"1.00 EUR\"}\r\n{\"id\": \"B\", \"price\": \"2.00 EUR\"}\r\n"
        let bytes = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }  // big endian, as some exports write it
        let extractor = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: "EUR"))
        let result = extractor.extract(Data(bytes), source: "x.jsonl")
        #expect(result.observations.map(\.key.sku) == ["A", "B"])
        #expect(result.problems.isEmpty)
    }

    @Test func aLineCutShortByATruncatedFileIsSaidAsSuch() throws {
        // The gzip stops inside the third line: that line is reported as cut short, not as malformed JSON.
        let result = try FeedFixtures.read("hostile/truncated.jsonl.gz", currency: "EUR")
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-2"])
        #expect(result.problems.count == 2)
        #expect(result.problems.first?.reason.hasSuffix("unexpected end of file (reading stopped here)") == true)
        #expect(result.problems.last?.reason == "line 3: the line here was cut short where reading stopped: not read as an item")
    }

    @Test func findsItemsAtTheTopLevelOrNested() throws {
        let top = try FeedFixtures.read("top-level.json")
        #expect(top.observations.map(\.origin?.locator) == ["[0]", "[1]"])
        let nested = try FeedFixtures.read("nested.json")
        #expect(nested.observations.map(\.origin?.locator) == ["data.products[0]", "data.products[1]"])
        #expect(nested.observations[1].availability?.value == .inStock)
        #expect(top.problems.isEmpty && nested.problems.isEmpty)
    }

    @Test func detectsEveryFormatFromItsFirstBytes() throws {
        let cases: [(String, FeedFormat)] = [
            ("merchant-rss.xml", .merchantXML), ("merchant-atom.xml", .merchantXML), ("merchant.csv", .csv),
            ("merchant.tsv", .tsv), ("merchant.jsonl", .jsonl), ("top-level.json", .json), ("nested.json", .json),
        ]
        for (name, format) in cases {
            let head = try FeedInput(path: FeedFixtures.path(name)).peek(4096)
            #expect(FeedFormat.detect(head) == format, "\(name)")
        }
        #expect(FeedFormat.detect(Data("{\n  \"items\": [\n]}".utf8)) == .json)
        #expect(FeedFormat.detect(Data("\u{FEFF}id;price\n".utf8)) == .csv)
        #expect(FeedFormat.separator(of: .csv, head: Data("id;price;\"a,b\"\n".utf8)) == UInt8(ascii: ";"))
        #expect(FeedFormat.detect(Data("  \n".utf8)) == nil)
    }
}
