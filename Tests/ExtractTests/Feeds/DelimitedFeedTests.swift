import AuditModel
@testable import Extract
import Foundation
import Testing

@Suite struct DelimitedFeedTests {
    @Test func readsQuotedFieldsEmbeddedNewlinesAndPrefixedHeaders() throws {
        let result = try FeedFixtures.read("merchant.csv")
        #expect(result.problems.isEmpty)
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-2", "SKU-3"])
        #expect(result.observations.map(\.origin?.locator) == ["line 2", "line 4", "line 6"])  // line 2 spans two lines
        let mug = result.observations[0]
        #expect(mug.title?.value == "Mug \"Blue\", large")
        #expect(mug.price?.value == FeedFixtures.money("12.00", "USD"))
        #expect(mug.listPrice?.value == FeedFixtures.money("15.00", "USD"))
        #expect(mug.shipping?.value.cost == FeedFixtures.money("4.95", "USD"))
        #expect(mug.price?.evidence.locator == "line 2, column sale_price")
        #expect(result.observations[1].availability?.value == .outOfStock)
        #expect(result.observations[2].shipping?.value.isFree == true)  // first of a list inside a cell
    }

    @Test func aHeaderWithoutAPriceColumnIsOneProblemNotOnePerRow() {
        // Italian column names and no mapping: every row lacks a price because the header does, so it is said once,
        // at the header, with what was looked for and what is there. A row with the column but an empty cell is a
        // problem of that row.
        let rows = (1...500).map { "A\($0);Vaso \($0);12,90" }.joined(separator: "\n")
        let noColumn = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "negozi", defaultCurrency: "EUR"))
            .extract(Data(("\u{FEFF}id;titolo;prezzo\n" + rows + "\n").utf8), source: "listino.csv")
        #expect(noColumn.observations.count == 500)
        #expect(noColumn.problems.map(\.description) == [
            "listino.csv: line 1: no price column in the header (looked for price, sale_price; its columns: id, titolo, prezzo): "
                + "no item has a price; map the price column with fields.price",
        ])
        let mapped = StreamingFeedExtractor(format: .csv, interpreter: RecordInterpreter(channel: "negozi", defaultCurrency: "EUR"),
                                            mapping: [.price: JSONPath("prezzo")!])
        let emptyCell = mapped.extract(Data("id;prezzo\nA1;12,90\nA2;\n".utf8), source: "listino.csv")
        #expect(emptyCell.observations.count == 2)
        #expect(emptyCell.problems.map(\.description) == ["listino.csv: line 3: item has no price (prezzo)"])
        let wrongMapping = StreamingFeedExtractor(format: .csv, interpreter: RecordInterpreter(channel: "negozi", defaultCurrency: "EUR"),
                                                  mapping: [.price: JSONPath("costo")!])
        #expect(wrongMapping.extract(Data("id;prezzo\nA1;12,90\nA2;3\n".utf8), source: "listino.csv").problems.map(\.message) == [
            "no price column in the header (looked for costo, sale_price; its columns: id, prezzo): no item has a price; map the price column with fields.price",
        ])
    }

    @Test func aRowCutShortByATruncatedFileIsNotAnItem() throws {
        // The gzip stops inside the last row's price ("SKU-5,Vaso 5,5"): read as an item in a shop whose currency is
        // EUR, it would be a price of 5 € the feed never stated. It is a problem on its line; the rows before it are read.
        let result = try FeedFixtures.read("hostile/truncated.csv.gz", currency: "EUR")
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-2", "SKU-3", "SKU-4"])
        #expect(result.observations.last?.price?.value == FeedFixtures.money("42.90", "EUR"))
        #expect(result.problems.count == 2)
        #expect(result.problems.first?.reason.hasSuffix("unexpected end of file (reading stopped here)") == true)
        #expect(result.problems.last?.reason == "line 6: the row here was cut short where reading stopped: not read as an item")
    }

    @Test func linesEndedByALoneCRReadAsLines() {
        // A spreadsheet's "CSV (Macintosh)" export ends rows with CR only (a line break inside a cell stays a line
        // feed): it reads as the same feed with line feeds, positions included (a quoted field over two lines, a stray
        // quote on line 5).
        let lines = ["g:id;g:title;g:price", "A1;\"Vaso\nblu\";10,00 EUR", "A2;Piatto;5,00 EUR", "A3;Tazza \"rotta\";3,00 EUR", "A4;Ciotola;7,00 EUR", ""]
        let extractor = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: "EUR"))
        func read(_ separator: String) -> [String] {
            let result = extractor.extract(Data(lines.joined(separator: separator).utf8), source: "mac.csv")
            return result.observations.map { "\($0.key.sku ?? "") \($0.title?.value ?? "") \($0.price?.value.amount ?? 0) \($0.origin?.locator ?? "")" }
                + result.problems.map(\.description)
        }
        #expect(read("\r") == read("\n"))
        #expect(read("\r") == ["A1 Vaso\nblu 10 line 2", "A2 Piatto 5 line 4", "A4 Ciotola 7 line 6",
                               "mac.csv: line 5, column 10: stray quote in field 2 (title): row skipped"])
    }

    @Test func readsTSVWithPlainHeaders() throws {
        let result = try FeedFixtures.read("merchant.tsv")
        #expect(result.problems.isEmpty)
        #expect(result.observations.map(\.stockCount?.value) == [4, 0])
        #expect(result.observations.map(\.price?.value.currency) == ["USD", "EUR"])
    }

    @Test func aStrayQuoteSkipsOnlyItsRowAndSaysWhere() throws {
        let result = try FeedFixtures.read("hostile/stray-quote.csv")
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-3"])
        #expect(result.problems.map(\.description) == ["hostile/stray-quote.csv: line 3, column 10: stray quote in field 2 (title): row skipped"])
    }

    @Test func anUnclosedQuoteIsReportedFromWhereItOpens() throws {
        let result = try FeedFixtures.read("hostile/unclosed-quote.csv")
        #expect(result.observations.map(\.key.sku) == ["SKU-1"])
        #expect(result.problems.map(\.position) == ["line 3, column 7"])
        #expect(result.problems.first?.message.contains("lines 3–5") == true)
    }

    @Test func aRowWithTooFewFieldsIsReported() throws {
        let result = try FeedFixtures.read("hostile/short-row.csv")
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-3"])
        #expect(result.problems.map(\.reason) == ["line 3: row has 2 fields where the header has 3: row skipped"])
    }

    @Test func aMappingNamesColumnsAndReadsLocalePrices() {
        let csv = "negozio;codice;prezzo;giacenza\nMI01;BA-1;\"1.299,00\";3\n"
        var interpreter = RecordInterpreter(channel: "stores", defaultCurrency: "EUR", decimalSeparator: ",")
        interpreter.perStore = true
        let extractor = StreamingFeedExtractor(
            format: .csv, interpreter: interpreter,
            mapping: [.sku: JSONPath("codice")!, .price: JSONPath("prezzo")!, .stock: JSONPath("giacenza")!, .store: JSONPath("negozio")!])
        let result = extractor.extract(Data(csv.utf8), source: "listino.csv")
        #expect(result.problems.isEmpty)
        #expect(result.observations.first?.price?.value == FeedFixtures.money("1299.00", "EUR"))
        #expect(result.observations.first?.stockCount == nil)  // a store's stock is not the online stock count
        #expect(result.observations.first?.availability?.value == .inStock)
        #expect(result.observations.first?.availability?.evidence.locator == "line 2, column giacenza")
        #expect(result.observations.first?.channel == "stores@MI01")
    }
}

@Suite struct FeedIdentifierTests {
    @Test func aGTINWithAWrongCheckDigitIsReportedAndNotUsed() {
        let extractor = StreamingFeedExtractor(format: .csv, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: "EUR"))
        let result = extractor.extract(Data("id,gtin,price\nA,4006381333931,1.00\nB,4006381333932,1.00\n".utf8), source: "f.csv")
        #expect(result.observations.map(\.key.gtin) == ["04006381333931", nil])
        #expect(result.problems.map(\.reason) == ["line 3, column gtin: GTIN 4006381333932 is not a GTIN with a valid check digit; not used for matching"])
    }

    @Test func anItemWithNoIdentifierIsReportedWithItsPosition() {
        let extractor = StreamingFeedExtractor(format: .csv, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: "EUR"))
        let result = extractor.extract(Data("id,price\n,1.00\n".utf8), source: "f.csv")
        #expect(result.observations.isEmpty)
        #expect(result.problems.map(\.reason) == ["line 2: item has no identifier, so it cannot be matched (looked for id, gtin, mpn, link, title)"])
    }
}

@Suite struct MetaCatalogTests {
    @Test func readsAMetaCatalogCSVWithItsInventoryColumn() throws {
        let result = try FeedFixtures.read("meta-catalog.csv")
        #expect(result.problems.isEmpty)
        #expect(result.observations.map(\.key.sku) == ["FB-1", "FB-2"])
        let tazza = result.observations[0]
        #expect(tazza.title?.value == "Tazza \"Aurora\"")
        #expect(tazza.price?.value == FeedFixtures.money("9.90", "EUR"))
        #expect(tazza.listPrice?.value == FeedFixtures.money("12.00", "EUR"))
        #expect(tazza.saleWindow != nil)
        #expect(tazza.group == "TAZZE")
        #expect(result.observations.map(\.stockCount?.value) == [4, 0])  // Meta's `inventory`
        #expect(result.observations[1].availability?.value == .outOfStock)
    }
}

/// CSV/TSV feeds that are not UTF-8: windows-1252 text is read as such and said once with its first position;
/// UTF-16 with a byte-order mark is converted as it streams.
@Suite struct FeedEncodingTests {
    @Test func windows1252TextIsReadAndItsFirstPositionNamed() throws {
        let result = try FeedFixtures.read("hostile/windows-1252.csv")
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-2", "SKU-3"])
        #expect(result.observations.map { $0.title?.value } == ["Tazzina caffè Deruta", "Brocca «Faenza» €", "Mug"])
        #expect(result.problems.map(\.position) == ["line 2, column 2 (title)"])
        #expect(result.problems.first?.message.hasPrefix("text that is not UTF-8 first found here: read as windows-1252 (2 rows in all)") == true)
    }

    /// A Polish shop's export in windows-1250 (`encoding: windows-1250`): read right only when declared — the
    /// windows-1252 fallback would turn "Żółty" into "¯ó³ty" — and converted in chunks whatever the cut.
    @Test func aDeclaredEncodingIsConvertedWithIconv() throws {
        var extractor = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: nil))
        extractor.encoding = "windows-1250"
        var observations: [Observation] = []
        let problems = extractor.stream(try FeedInput(path: FeedFixtures.path("windows-1250.csv")), source: "pl.csv") { observations.append($0) }
        #expect(problems.isEmpty, "\(problems)")
        #expect(observations.map { $0.title?.value } == ["Żółty kubek ceramiczny", "Łyżka z drewna śliwy", "Miska „Bolesławiec”"])
        #expect(observations.first?.price?.value == FeedFixtures.money("39.90", "PLN"))
        let undeclared = try FeedFixtures.read("windows-1250.csv")
        #expect(undeclared.observations.first?.title?.value != "Żółty kubek ceramiczny")
        #expect(undeclared.problems.first?.message.contains("windows-1252") == true)  // said, not silent
    }

    @Test func bytesInvalidInTheDeclaredEncodingAreReportedWithTheirOffset() throws {
        var extractor = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: nil))
        extractor.encoding = "windows-1250"
        var observations: [Observation] = []
        let problems = extractor.stream(try FeedInput(path: FeedFixtures.path("hostile/windows-1250-invalid-byte.csv")), source: "pl.csv") {
            observations.append($0)
        }
        #expect(observations.count == 3)
        #expect(observations[1].title?.value == "Ły\u{FFFD}ka z drewna śliwy")
        #expect(problems.count == 1)
        #expect(problems.first?.message.hasPrefix("1 byte is not valid windows-1250") == true, "\(problems)")
        #expect(problems.first?.position.hasPrefix("byte ") == true)
    }

    @Test func iconvStreamSplitAnywhereConvertsTheSame() throws {
        let text = "Žluťoučký kůň — Łódź"
        let bytes = Array(text.data(using: .windowsCP1250)!)
        for cut in 0...bytes.count {
            let stream = try #require(IconvStream(from: "windows-1250"))
            var out = bytes[..<cut].withUnsafeBufferPointer { stream.convert($0) }
            out += bytes[cut...].withUnsafeBufferPointer { stream.convert($0) }
            out += stream.finish()
            #expect(String(decoding: out, as: UTF8.self) == text, "cut at \(cut)")
        }
        #expect(IconvStream(from: "no-such-encoding") == nil)
    }

    @Test func utf16WithAByteOrderMarkIsConverted() throws {
        let result = try FeedFixtures.read("utf16.tsv")
        #expect(result.problems.isEmpty)
        #expect(result.observations.map(\.key.sku) == ["SKU-1", "SKU-2"])
        #expect(result.observations.first?.title?.value == "Tazzina caffè 🍵")
        #expect(result.observations.last?.price?.value == FeedFixtures.money("30.00", "EUR"))
    }

    @Test func utf16SplitAnywhereConvertsTheSame() {
        let text = "a\u{00e8}\u{1F375}z"
        let bytes = [UInt8]([0xFF, 0xFE]) + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for cut in 0...bytes.count {
            var stream = UTF16Stream(bigEndian: false)
            var out = bytes[..<cut].withUnsafeBufferPointer { stream.convert($0) }
            out += bytes[cut...].withUnsafeBufferPointer { stream.convert($0) }
            out += stream.finish()
            #expect(String(decoding: out, as: UTF8.self) == "\u{FEFF}" + text, "cut at \(cut)")
        }
    }
}
