// libFuzzer target for CSV feeds and store lists: quoting, separators, headers, rows.
// Built by scripts/fuzz.sh with the Extract, Normalize and AuditModel sources.
//
// Differential too: the rows read in one batch on the calling thread must be the rows read in batches of a few
// bytes on two workers, whose batches end where the row splitter (`CSVRowSplitter`) says rows end: a splitter that
// disagrees with the tokenizer about quotes cuts a row in two. Rows read in place (`CSVRow`) must be the tokenizer's
// rows, and the observations interpreted from their bytes those of each record interpreted alone.
import AuditModel
import Foundation

private let extractor = StreamingFeedExtractor(format: .csv, interpreter: RecordInterpreter(channel: "stores", defaultCurrency: "EUR"))

/// Each record's line, names, texts and places, as one comparable string.
private struct Described: RecordSink {
    var lines: [String] = []
    mutating func take(_ record: FeedRecord) {
        lines.append(record.locator + ": " + record.values.map { "\($0.name)=\($0.text)|\($0.locator)" }.joined(separator: " "))
    }
    mutating func output() -> [String] {
        defer { lines = [] }
        return lines
    }
}

private func read(_ data: Data, batchBytes: Int, workers: Int, inPlace: Bool = true) -> (records: [String], problems: [String]) {
    var reader = DelimitedReader(separator: 0x2C)
    reader.batchBytes = batchBytes
    reader.readsRowsInPlace = inPlace
    var records: [String] = []
    let problems = reader.read(FeedInput(data: data), source: "list.csv", workers: workers, sink: { Described() },
                               deliver: { records += $0 })
    return (records, problems.map(\.description))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func csvFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    let result = extractor.extract(bytes, source: "list.csv")
    for observation in result.observations {
        if let price = observation.price?.value, price.amount < 0 { fatalError("negative price read") }
    }
    for problem in result.problems where problem.source != "list.csv" { fatalError("problem without its source") }
    let whole = read(bytes, batchBytes: 1 << 20, workers: 0)
    let batched = read(bytes, batchBytes: 7, workers: 2)
    if whole.records != batched.records || whole.problems != batched.problems {
        fatalError("batches change what is read:\n\(whole)\n\(batched)")
    }
    let tokenized = read(bytes, batchBytes: 1 << 20, workers: 0, inPlace: false)
    if whole.records != tokenized.records || whole.problems != tokenized.problems {
        fatalError("rows read in place differ from the tokenizer's:\n\(whole)\n\(tokenized)")
    }
    let interpreter = RecordInterpreter(channel: "stores", defaultCurrency: "EUR")
    var alone: [Observation] = []
    var aloneProblems: [Problem] = []
    let separator = FeedFormat.separator(of: .csv, head: FeedInput(data: bytes).peek(4096))  // as the extractor detects it
    let readProblems = DelimitedReader(separator: separator).read(FeedInput(data: bytes), source: "list.csv") { record in
        if let observation = interpreter.observation(record, source: "list.csv", problems: &aloneProblems) { alone.append(observation) }
    }
    // The header's lack of a price column is said once by the streaming reader only.
    let streamed = result.problems.map(\.description).filter { !$0.contains("no price column in the header") }.sorted()
    if alone != result.observations || (aloneProblems + readProblems).map(\.description).sorted() != streamed {
        fatalError("observations from bytes differ from each record's alone:\n\(alone)\n\(result.observations)\n\(aloneProblems + readProblems)\n\(streamed)")
    }
    return 0
}
