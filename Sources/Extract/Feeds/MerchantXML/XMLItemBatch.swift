/// Items of a Merchant XML feed as the SAX walker read them, kept as bytes and ranges: the parsing thread only
/// copies each value's text into one buffer, and the records (one string per value) are made by whoever takes the
/// batch, usually a worker thread, so that the parser's thread does nothing but parse.
struct XMLItemBatch: Sendable {
    /// One value: its element's name (an index into `names`), namespace, line and text (`bytes[start..<end]`).
    struct Field: Sendable {
        var name: Int32
        var google: Bool
        var line: Int
        var start: Int
        var end: Int
    }

    /// One item: its number and line, and where its fields end in `fields` (they start where the previous item's end).
    struct Item: Sendable {
        var index: Int
        var line: Int
        var fieldsEnd: Int
    }

    /// The text of every value, one after another (UTF-8, as libxml2 hands it on).
    var bytes: [UInt8] = []
    var fields: [Field] = []
    var items: [Item] = []
    /// The element names the fields refer to.
    var names: [String] = []

    /// The records of the items, in order: the values as `SAXItemWalker` found them (`g:` values first, then the
    /// plain ones, each group in document order).
    func records() -> [FeedRecord] {
        // Private copies of the names: records on other threads would otherwise share their reference counts.
        let names = self.names.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        var records: [FeedRecord] = []
        records.reserveCapacity(items.count)
        bytes.withUnsafeBufferPointer { bytes in
            var first = 0
            for item in items {
                var record = FeedRecord(place: .item(index: item.index, line: item.line))
                record.values.reserveCapacity(item.fieldsEnd - first)
                for field in fields[first..<item.fieldsEnd] {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]), as: UTF8.self)
                    record.values.append(FeedRecord.Value(name: names[Int(field.name)], text: text,
                                                          place: .element(line: field.line, google: field.google)))
                }
                records.append(record)
                first = item.fieldsEnd
            }
        }
        return records
    }
}
