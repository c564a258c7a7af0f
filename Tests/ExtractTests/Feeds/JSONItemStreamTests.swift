import AuditModel
@testable import Extract
import Foundation
import Testing

/// JSON feeds are streamed one item at a time: the items, their locators and what is refused must be those of the
/// whole document parsed at once, whatever the chunks the bytes arrive in.
@Suite struct JSONItemStreamTests {
    /// Items streamed at `path`, with their locators, and the problems.
    static func stream(_ text: String, _ path: String, chunk: Int = 256 << 10, maxItemBytes: Int = JSONItemStream.maxItemBytes)
        -> (items: [(JSONValue, String)], outcome: JSONItemStream.Outcome) {
        var items: [(JSONValue, String)] = []
        let outcome = JSONItemStream.read(FeedInput(data: Data(text.utf8)), source: "f.json", items: JSONPath(path)!.steps,
                                          chunkSize: chunk, maxItemBytes: maxItemBytes) { items.append(($0, $1)) }
        return (items, outcome)
    }

    /// A document of a shop's shape with random content: numbers in every form, escapes, nesting, literals.
    static func document(_ seed: UInt64) -> String {
        var random = SeededRandom(seed)
        func scalar() -> String {
            switch random.next(8) {
            case 0: return ["0", "-0", "12", "-3.25", "1e3", "4.5E-2", "10.90", "7e+1"][random.next(8)]
            case 1: return ["true", "false", "null"][random.next(3)]
            case 2: return #""escaped \" \\ \/ \n \u00e9 \ud83d\ude00""#
            default: return "\"" + ["Vaso", "ceramica «Deruta»", "", "12.90 EUR", "in stock", "a,b]}"][random.next(6)] + "\""
            }
        }
        func value(_ depth: Int) -> String {
            switch depth > 3 ? 3 : random.next(4) {
            case 0: return "{" + (0..<random.next(4)).map { "\"k\($0)\" :\(value(depth + 1))" }.joined(separator: ",") + "}"
            case 1: return "[ " + (0..<random.next(4)).map { _ in value(depth + 1) }.joined(separator: " ,\n") + "]"
            default: return scalar()
            }
        }
        let items = (0..<random.next(6)).map { index in
            random.next(5) == 0 ? value(1) : "{\"id\": \"SKU-\(index)\", \"price\": \(scalar()), \"extra\": \(value(2))}"
        }
        return "\u{FEFF}{\"meta\": \(value(1)), \"data\": {\"count\": \(items.count), \"products\": [\n"
            + items.joined(separator: ",\n") + "\n], \"after\": \(value(1))}}\n"
    }

    @Test func streamedItemsAreThoseOfTheWholeDocument() throws {
        for seed in 1...150 {
            let text = Self.document(UInt64(seed))
            let whole = try JSONParser.parse(text, lenient: false)
            let expected = JSONPath("data.products[]")!.select(in: whole)
            for chunk in [1, 2, 3, 7, 64, 256 << 10] {
                let streamed = Self.stream(text, "data.products[]", chunk: chunk)
                #expect(streamed.outcome.problems.isEmpty, "seed \(seed), chunk \(chunk)")
                #expect(streamed.items.map(\.0) == expected.map(\.value), "seed \(seed), chunk \(chunk)")
                #expect(streamed.items.map(\.1) == expected.map(\.locator), "seed \(seed), chunk \(chunk)")
            }
            // Without an items path the same array is found, as in the whole document.
            let discovered = JSONItemStream.discover(FeedInput(data: Data(text.utf8)), chunkSize: 5)
            #expect(discovered.map { $0.joined(separator: ".") } == JSONRecord.items(in: whole)?.path, "seed \(seed)")
        }
    }

    @Test func refusesExactlyWhatTheStrictParserRefuses() {
        // Every document a byte away from a valid one (removed, doubled, replaced): refused by the stream exactly
        // when the whole-document parser refuses it.
        var random = SeededRandom(7)
        var refused = 0
        for seed in 1...40 {
            let bytes = Array(Self.document(UInt64(seed)).utf8)
            for _ in 0..<25 {
                var broken = bytes
                let at = random.next(broken.count)
                switch random.next(3) {
                case 0: broken.remove(at: at)
                case 1: broken.insert(broken[at], at: at)
                default: broken[at] = Array(#"{}[],:"\0e.-+tx "#.utf8)[random.next(16)]
                }
                let text = String(decoding: broken, as: UTF8.self)
                let wholeRefuses = (try? JSONParser.parse(text, lenient: false)) == nil
                let outcome = Self.stream(text, "data.products[]", chunk: 1 + random.next(9)).outcome
                #expect(outcome.stoppedEarly == wholeRefuses, "\(text)")
                if wholeRefuses { refused += 1 }
            }
        }
        #expect(refused > 300)  // most one-byte changes break a document: the comparison is not vacuous
    }

    @Test(arguments: [
        ("[1, 2,]", "line 1, column 7", "trailing comma"), ("{\"a\": 01}", "line 1, column 8", "malformed number"),
        ("[\"\\u12G4\"]", "line 1, column 7", "invalid \\u escape"), ("[\"a\tb\"]", "line 1, column 4", "raw control character in a string"),
        ("{\"a\" 1}", "line 1, column 6", "expected ':' after member name"), ("[1] x", "line 1, column 5", "unexpected content after the JSON value"),
        ("", "line 1, column 1", "unexpected end of input, expected a value"), ("[1.]", "line 1, column 4", "malformed number: a digit is expected after the decimal point"),
        (String(repeating: "[", count: 513), "line 1, column 513", "nesting deeper than 512 levels"),
    ])
    func aSyntaxErrorStopsReadingAtItsPosition(text: String, position: String, message: String) {
        let outcome = Self.stream(text, "[]").outcome
        #expect(outcome.problems.map(\.position) == [position])
        #expect(outcome.problems.first?.message.hasPrefix("malformed JSON: \(message) (reading stopped here after") == true)
    }

    @Test func theItemsBeforeABreakAreReadAndTheOneItCutNever() {
        let text = "{\"products\": [{\"id\": \"A\", \"price\": \"1.00 EUR\"},\n{\"id\": \"B\", \"price\": \"2.00 EUR\"},\n{\"id\": \"C\", \"price\": \"1"
        let streamed = Self.stream(text, "products[]", chunk: 3)
        #expect(streamed.items.map(\.1) == ["products[0]", "products[1]"])
        #expect(streamed.outcome.problems.map(\.description) == [
            "f.json: line 3, column 24: malformed JSON: unterminated string (reading stopped here after 2 items)",
        ])
    }

    @Test func aTruncatedGzipFeedNeverGivesTheItemItCut() throws {
        // The download stops inside the third item's price ("1" of "13.90 EUR"): a price the feed never stated.
        let result = try FeedFixtures.read("hostile/truncated.json.gz")
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-2"])
        #expect(result.observations.map(\.price?.value) == [FeedFixtures.money("11.90", "EUR"), FeedFixtures.money("12.90", "EUR")])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.position == "line 4, column 49")
        #expect(result.problems.first?.message.hasSuffix("unexpected end of file (reading stopped here after 2 items)") == true)
    }

    @Test func itemsAreFoundLevelByLevelWithoutAPath() {
        func discover(_ text: String) -> String? {
            JSONItemStream.discover(FeedInput(data: Data(text.utf8)), chunkSize: 2).map { $0.joined(separator: ".") }
        }
        #expect(discover(#"{"a": {"items": [{"id": 1}]}, "items": [{"id": 2}]}"#) == "items")  // the root's own array first
        #expect(discover(#"{"tags": [1, 2], "a": {"b": [{}]}, "c": {"d": [{}]}}"#) == "a.b")  // then the first object's
        #expect(discover(#"{"x": {"y": {"z": [{"id": 1}]}}}"#) == "x.y.z")
        #expect(discover(#"[1, 2]"#) == "")
        #expect(discover(#"{"a": [1, 2], "b": "c"}"#) == nil)
        #expect(discover(#""just text""#) == nil)
        #expect(discover(#"{"data": {"products": [{"id": 1}, {"id": "#) == "data.products")  // broken part way
    }

    @Test func anOversizedItemIsAProblemAndReadingGoesOn() {
        let text = #"[{"id": "A"}, {"id": "B", "description": "\#(String(repeating: "x", count: 100))"}, {"id": "C"}]"#
        let streamed = Self.stream(text, "[]", chunk: 8, maxItemBytes: 64)
        #expect(streamed.items.map(\.1) == ["[0]", "[2]"])
        #expect(streamed.outcome.problems.map(\.description) == ["f.json: [1]: item larger than 64 bytes: not read"])
    }

    @Test func aUTF16FeedIsReadAsItsUTF8() throws {
        // A JSON feed saved as "Unicode" by a Windows tool: UTF-16 with its byte order mark, either byte order.
        let text = "\u{FEFF}{\"products\": [{\"id\": \"SKU-1\", \"title\": \"Caffè «Deruta» 😀\", \"price\": \"1.00 EUR\"}]}"
        let expected = try JSONParser.parse(String(text.dropFirst()), lenient: false)["products"]?.list ?? []
        for bigEndian in [false, true] {
            let bytes = text.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            for chunk in [1, 3, 256 << 10] {
                var items: [JSONValue] = []
                let outcome = JSONItemStream.read(FeedInput(data: Data(bytes)), source: "u.json", items: JSONPath("products[]")!.steps,
                                                  chunkSize: chunk) { value, _ in items.append(value) }
                #expect(outcome.problems.isEmpty && items == expected, "big endian \(bigEndian), chunk \(chunk)")
            }
            // Through the extractor: found in a first pass, read again in the second.
            let extractor = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "app", defaultCurrency: "EUR"))
            let result = extractor.extract(Data(bytes), source: "u.json")
            #expect(result.observations.map(\.title?.value) == ["Caffè «Deruta» 😀"])
            #expect(result.problems.isEmpty)
        }
    }

    @Test func aFeedWithoutAnItemsPathIsReadInTwoPassesFromAFile() throws {
        // The items are found in a first pass, then the file is read again from its first byte.
        let top = try FeedFixtures.read("nested.json")
        #expect(top.observations.map(\.origin?.locator) == ["data.products[0]", "data.products[1]"])
        let input = try FeedInput(path: FeedFixtures.path("merchant-rss.xml.gz"))
        let first = input.peek(64)
        var chunk = [UInt8](repeating: 0, count: 100)
        _ = chunk.withUnsafeMutableBytes { input.read(into: $0) }
        #expect(input.rewind())
        #expect(input.peek(64) == first)
    }
}

/// A small deterministic generator (SplitMix64), so that every run checks the same documents.
struct SeededRandom {
    private var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }
}
