/// What the records of one batch become, one record at a time, on the thread that reads the batch: a reader hands
/// each record on as soon as it is made (a CSV/TSV reader reuses one record for every row), and asks for the
/// output at the end of the batch.
protocol RecordSink {
    associatedtype Output: Sendable
    /// Takes one record; a sink that keeps it keeps a copy.
    mutating func take(_ record: FeedRecord)
    /// Takes one CSV/TSV row read in place, whose columns are `layout`'s.
    mutating func take(row: CSVRow, layout: FeedRecord.Layout)
    /// What the records taken since the last output became.
    mutating func output() -> Output
}

extension RecordSink {
    /// Takes the row as a record.
    mutating func take(row: CSVRow, layout: FeedRecord.Layout) { take(row.record(layout)) }
}

/// The records themselves, in order.
struct RecordList: RecordSink {
    private var records: [FeedRecord] = []

    mutating func take(_ record: FeedRecord) { records.append(record) }

    mutating func output() -> [FeedRecord] {
        defer { records = [] }
        return records
    }
}
