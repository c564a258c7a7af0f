import AuditModel
@testable import Extract
import Foundation
import Testing

/// The rows of a CSV/TSV feed are cut into batches of whole rows by `CSVRowSplitter` and split into fields on worker
/// threads: wherever the cuts fall (quoted newlines, CRLF, a byte-order mark, stray and unclosed quotes), the records
/// and problems are those of one tokenizer reading the bytes one at a time.
@Suite struct DelimitedBatchTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// What a read produced, comparable: each record's line and texts, each problem's text.
    struct Read: Equatable, CustomStringConvertible {
        var records: [String] = []
        var problems: [String] = []
        var description: String { "records \(records)\nproblems \(problems)" }
    }

    static func describe(_ record: FeedRecord) -> String {
        record.locator + ": " + record.values.map { "\($0.name)=\($0.text)|\($0.locator)" }.joined(separator: " ")
    }

    /// Each record as `describe` shows it, made on the thread that reads its batch.
    struct Described: RecordSink {
        var lines: [String] = []
        mutating func take(_ record: FeedRecord) { lines.append(DelimitedBatchTests.describe(record)) }
        mutating func output() -> [String] {
            defer { lines = [] }
            return lines
        }
    }

    /// Batches of at most `batchBytes` whole rows, on `workers` threads.
    func batched(_ text: [UInt8], separator: UInt8 = 0x2C, batchBytes: Int, workers: Int, inPlace: Bool = true) -> Read {
        var reader = DelimitedReader(separator: separator)
        reader.batchBytes = batchBytes
        reader.readsRowsInPlace = inPlace
        var read = Read()
        read.problems = reader.read(FeedInput(data: Data(text)), source: "t.csv", workers: workers,
                                    sink: { Described() }, deliver: { read.records += $0 }).map(\.description)
        return read
    }

    static let pieces: [String] = ["a", "b", "1.00 EUR", ",", ",", "\"", "\"", "\"\"", "\n", "\n", "\r\n", "\r", "é", "x y", "\u{FEFF}"]

    func randomText(_ random: inout Generator) -> [UInt8] {
        var text = random.next(2) == 0 ? "\u{FEFF}" : ""
        text += "g:id,title,price\n"
        for _ in 0..<random.next(40) { text += Self.pieces[random.next(Self.pieces.count)] }
        return Array(text.utf8)
    }

    @Test func batchesAnywhereReadLikeOneTokenizer() {
        var random = Generator(state: 14)
        for _ in 0..<400 {
            let text = randomText(&random)
            let whole = batched(text, batchBytes: 1 << 20, workers: 0)
            for (batchBytes, workers) in [(1, 2), (3, 1), (7, 2), (16, 0)] {
                let read = batched(text, batchBytes: batchBytes, workers: workers)
                #expect(read == whole, "\(String(decoding: text, as: UTF8.self).debugDescription) in batches of \(batchBytes)")
            }
        }
    }

    @Test func rowsReadInPlaceAreTheTokenizersRows() {
        // Rows that need nothing unescaped are read in place, the others by the tokenizer: whichever way, the same
        // records, lines and problems as the tokenizer reading every row (lone CRs, quotes inside fields, bytes that
        // are not UTF-8, a last row without its newline, rows of the wrong width, blank lines).
        var random = Generator(state: 77)
        let extra: [String] = ["\",\"", "\"a\r\"", "q\"", ",\n", "\n\n", "\r", "€"]
        for round in 0..<600 {
            var text = randomText(&random)
            for _ in 0..<random.next(6) {
                let piece = Array(extra[random.next(extra.count)].utf8)
                text.insert(contentsOf: piece, at: random.next(text.count + 1))
            }
            if round % 5 == 0 { text.insert(0xE9, at: random.next(text.count + 1)) }  // not UTF-8: windows-1252
            let general = batched(text, batchBytes: 1 << 20, workers: 0, inPlace: false)
            for (batchBytes, workers) in [(1 << 20, 0), (5, 2)] {
                #expect(batched(text, batchBytes: batchBytes, workers: workers) == general,
                        "\(String(decoding: text, as: UTF8.self).debugDescription) in batches of \(batchBytes)")
            }
        }
    }

    @Test func theSplitterEndsRowsWhereTheTokenizerDoes() {
        var random = Generator(state: 2026)
        for _ in 0..<400 {
            let text = randomText(&random)
            var tokenizer = CSVTokenizer(separator: 0x2C)
            var lines: [Int] = []
            for byte in text { [byte].withUnsafeBufferPointer { tokenizer.feed($0) { lines.append($0.line) } } }
            // Split anywhere: the splitter fed in two pieces finds the same row ends as over the whole text.
            var ends: [Int] = []
            var newlines = 0
            var splitter = CSVRowSplitter(separator: 0x2C)
            let cut = random.next(text.count + 1)
            text.withUnsafeBufferPointer { buffer in
                var start = 0
                while let end = splitter.nextRowEnd(buffer.baseAddress!, from: start, to: cut, newlines: &newlines) {
                    ends.append(end)
                    start = end
                }
                start = max(start, cut)
                while let end = splitter.nextRowEnd(buffer.baseAddress!, from: start, to: buffer.count, newlines: &newlines) {
                    ends.append(end)
                    start = end
                }
            }
            #expect(ends.count == lines.count, "\(String(decoding: text, as: UTF8.self).debugDescription)")
            #expect(newlines == text.count { $0 == 0x0A })
            // Each row the tokenizer emitted ends at a newline the splitter found, and starts on the line counted.
            var line = 1
            for (index, end) in ends.enumerated() where index < lines.count {
                #expect(lines[index] == line)
                line += 1 + text[(index == 0 ? 0 : ends[index - 1])..<(end - 1)].count { $0 == 0x0A }
            }
        }
    }

    /// Every row as the tokenizer emits it, comparable.
    static func tokenize(_ text: [UInt8], chunks: Int, wholeFields: Bool) -> [String] {
        var tokenizer = CSVTokenizer(separator: 0x2C)
        tokenizer.readsWholeFields = wholeFields
        var rows: [String] = []
        func emit(_ row: inout CSVTokenizer.Row) {
            rows.append("\(row.line) \(row.fields) \(String(describing: row.strayQuote)) \(String(describing: row.recoded))")
        }
        let size = max(1, (text.count + chunks - 1) / chunks)
        var start = 0
        while start < text.count {
            let end = min(text.count, start + size)
            text[start..<end].withUnsafeBufferPointer { tokenizer.feed($0, row: emit) }
            start = end
        }
        let unclosed = tokenizer.finish(row: emit)
        rows.append("unclosed \(String(describing: unclosed))")
        return rows
    }

    @Test func wholeFieldsReadAsTheStateMachineReadsThem() {
        var random = Generator(state: 5)
        for _ in 0..<600 {
            var text = randomText(&random)
            if random.next(4) == 0 { text.insert(0xE9, at: random.next(text.count)) }  // not UTF-8: windows-1252
            let general = Self.tokenize(text, chunks: 1, wholeFields: false)
            for chunks in [1, 2, 3, 7] {
                #expect(Self.tokenize(text, chunks: chunks, wholeFields: true) == general,
                        "\(String(decoding: text, as: UTF8.self).debugDescription) in \(chunks) chunks")
            }
        }
    }

    @Test func aQuotedNewlineAcrossABatchCutStaysInItsField() {
        let text = Array("id,title,price\nA,\"two\nlines\",1.00 EUR\r\nB,\"x\"\"y\",2.00 EUR\r\nC,\"three\r\nlines\",3.00 EUR\n".utf8)
        for batchBytes in [1, 5, 20, 1 << 20] {
            let read = batched(text, batchBytes: batchBytes, workers: 2)
            #expect(read.problems.isEmpty)
            #expect(read.records == [
                "line 2: id=A|line 2, column id title=two\nlines|line 2, column title price=1.00 EUR|line 2, column price",
                "line 4: id=B|line 4, column id title=x\"y|line 4, column title price=2.00 EUR|line 4, column price",
                "line 5: id=C|line 5, column id title=three\r\nlines|line 5, column title price=3.00 EUR|line 5, column price",
            ])
        }
    }

    @Test func aByteOrderMarkAndAStrayQuoteInTheHeaderPhase() {
        // The first row has a stray quote: it is reported and the next row names the columns, as before batching.
        let text = Array("\u{FEFF}i\"d,title\ng:id,g:title\nA,b\"c\nB,d\n".utf8)
        for batchBytes in [1, 1 << 20] {
            let read = batched(text, batchBytes: batchBytes, workers: 2)
            #expect(read.records == ["line 4: id=B|line 4, column id title=d|line 4, column title"])
            #expect(read.problems == ["t.csv: line 1, column 5: stray quote in field 1: row skipped",
                                      "t.csv: line 3, column 4: stray quote in field 2 (title): row skipped"])
        }
        let bom = batched(Array("\u{FEFF}id,title\nA,b\n".utf8), batchBytes: 1, workers: 2)
        #expect(bom.records == ["line 2: id=A|line 2, column id title=b|line 2, column title"])
    }

    @Test func anUnclosedQuoteInALaterBatchIsReportedFromWhereItOpens() {
        let text = Array("id,title\nA,b\nB,\"open\nC,d\nD,e\n".utf8)
        let read = batched(text, batchBytes: 1, workers: 2)
        #expect(read.records == ["line 2: id=A|line 2, column id title=b|line 2, column title"])
        #expect(read.problems == ["t.csv: line 3, column 3: a quoted field opened here never closes: lines 3–6 were not read as items"])
    }

    @Test func aRowLongerThanTheCapStopsReadingThereWithoutHoldingTheRest() {
        // A quote that never closes in a large file: the rows before it are read, the rest is one reported problem.
        var text = Array("id,title\nA,b\nB,\"open\n".utf8)
        text += [UInt8](repeating: 0x78, count: 3 << 20)
        text += Array("\nC,d\n".utf8)
        var reader = DelimitedReader(separator: 0x2C)
        reader.maxRowBytes = 1 << 20
        var records: [String] = []
        let problems = reader.read(FeedInput(data: Data(text)), source: "t.csv", workers: 2,
                                   sink: { Described() }, deliver: { records += $0 }).map(\.description)
        #expect(records == ["line 2: id=A|line 2, column id title=b|line 2, column title"])
        #expect(problems == ["t.csv: line 3: a row longer than 1 MiB starts here (a quote that never closes?): reading stopped, "
                                + "the rest of the feed was not read"])
    }

    @Test func theStreamedObservationsDoNotDependOnBatches() throws {
        // A feed far larger than one batch: the observations come back in input order, every one of them.
        var text = "g:id,g:title,g:price,g:availability\n"
        for index in 0..<30_000 { text += "SKU-\(index),\"Item \(index), \"\"quoted\"\"\",\(index).50 EUR,in stock\r\n" }
        let extractor = StreamingFeedExtractor(format: .csv, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: "EUR"))
        let result = extractor.extract(Data(text.utf8), source: "big.csv")
        #expect(result.problems.isEmpty)
        #expect(result.observations.count == 30_000)
        #expect(result.observations.map(\.key.sku) == (0..<30_000).map { "SKU-\($0)" })
        #expect(result.observations.last?.title?.value == "Item 29999, \"quoted\"")
        #expect(result.observations.last?.price?.evidence.locator == "line 30001, column price")
        #expect(result.observations.last?.origin?.locator == "line 30001")
    }
}

extension DelimitedBatchTests {
    @Test func aBrokenGzipGivesTheSameBytesWhateverTheSizeOfTheFirstRead() {
        // Found by the csv fuzz target: a deflate stream that breaks a few bytes in. A first small peek (format and
        // separator detection) used to see no byte and a large read some, so the same feed read two ways reported
        // the row the break cut short one way and not the other.
        let broken: [UInt8] = [31, 139, 8, 0, 27, 152, 152, 83, 255, 116, 114, 18, 0] + [UInt8](repeating: 77, count: 15) + [208]
        func read(peeking first: Int) -> (bytes: [UInt8], failure: String?) {
            let input = FeedInput(data: Data(broken))
            _ = input.peek(first)
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 1 << 18)
            while true {
                let count = chunk.withUnsafeMutableBytes { input.read(into: $0) }
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            return (bytes, input.failure)
        }
        let reads = [2, 4096, 1 << 18].map(read(peeking:))
        #expect(reads.allSatisfy { $0.bytes == reads[0].bytes && $0.failure == "corrupt or truncated gzip data" })
        #expect(!reads[0].bytes.isEmpty)
        let extractor = StreamingFeedExtractor(format: .csv, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: "EUR"))
        #expect(extractor.extract(Data(broken), source: "f.csv").problems.map(\.message).contains {
            $0.hasPrefix("the row here was cut short")
        })
    }
}
