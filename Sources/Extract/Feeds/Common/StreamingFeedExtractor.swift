import AuditModel
import Foundation

/// Reads a feed of any format (`format: auto` detects it): Merchant RSS/Atom XML, CSV, TSV and JSON Lines are
/// streamed item by item; JSON too, one item at a time. Without a mapping the standard Merchant names are read; a
/// mapping (`{ sku: codice, price: prezzo }`) overrides them field by field (for JSON and JSON Lines it is a
/// path inside the item, read as an app feed is).
public struct StreamingFeedExtractor: FeedExtractor {
    /// The format to read; `auto` detects it.
    public var format: FeedFormat
    /// How items become observations (channel, names, currency, separator, time zone, per-store).
    public var interpreter: RecordInterpreter
    /// For JSON: where the items are; nil finds the first array of objects.
    public var items: JSONPath?
    /// The configured mapping, as paths (JSON) or names (other formats); empty for the standard names.
    public var mapping: [JSONFeedExtractor.Field: JSONPath]
    /// The encoding a CSV/TSV feed is declared in (`encoding: windows-1250`); nil for UTF-8 (detected fallbacks).
    public var encoding: String? = nil

    /// Creates an extractor.
    public init(format: FeedFormat, interpreter: RecordInterpreter, items: JSONPath? = nil,
                mapping: [JSONFeedExtractor.Field: JSONPath] = [:]) {
        self.format = format
        self.interpreter = interpreter
        self.items = items
        self.mapping = mapping
        self.interpreter.names = StandardFields.names(with: mapping.mapValues(\.description))
    }

    /// Extracts every item of a feed held in memory.
    public func extract(_ data: Data, source: String) -> FeedExtraction {
        var observations: [Observation] = []
        let problems = stream(FeedInput(data: data), source: source) { observations.append($0) }
        return FeedExtraction(observations: observations, problems: problems)
    }

    /// The format a feed is read as: the configured one, or the detected one for `auto`.
    public func resolvedFormat(_ input: FeedInput) -> FeedFormat? {
        format == .auto ? FeedFormat.detect(input.peek(4096)) : format
    }

    /// Reads a feed item by item, handing each observation to `each` as soon as it is read; returns the
    /// problems, each with its position.
    public func stream(_ input: FeedInput, source: String, each: (Observation) -> Void) -> [Problem] {
        guard let format = resolvedFormat(input) else {
            return [Problem(source: source, message: input.failure ?? "empty feed: no bytes to read")]
        }
        var problems: [Problem] = []
        // Records are interpreted on worker threads while the reader reads on; results come back in input order.
        // The reading thread parses (XML, JSON Lines) on a core of its own: the other cores interpret. More workers
        // than that take turns with the parser, which every item waits for.
        let pipeline = InterpretPipeline(interpreter: self.interpreter.prepared(), source: source,
                                         workers: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        func interpret(_ record: FeedRecord) {
            pipeline.add(record, each: each, problems: &problems)
        }
        switch format {
        case .merchantXML:
            // The parsing thread only gathers the items' texts; the workers make them into records and interpret
            // them, a batch at a time. The last batch is interpreted here.
            let interpreter = self.interpreter.prepared()
            let work = OrderedWork<InterpretPipeline.Result>(workers: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
            var interpreted: [Problem] = []
            var last = XMLItemBatch()
            let read = MerchantXMLReader().readBatches(input, source: source) { batch, final in
                if final {
                    last = batch
                } else {
                    work.submit({ InterpretPipeline.interpret(batch.records(), interpreter: interpreter, source: source) }) {
                        InterpretPipeline.hand($0, each, &interpreted)
                    }
                }
            }
            work.finish { InterpretPipeline.hand($0, each, &interpreted) }
            InterpretPipeline.hand(InterpretPipeline.interpret(last.records(), interpreter: interpreter, source: source), each, &interpreted)
            problems += interpreted + read
        case .csv, .tsv:
            let separator = FeedFormat.separator(of: format, head: input.peek(4096))
            // Rows are split into fields and interpreted together on the workers, a batch of whole rows at a time.
            let interpreter = self.interpreter.prepared()
            var interpreted: [Problem] = []
            let read = DelimitedReader(separator: separator, encoding: encoding).read(
                input, source: source, workers: ProcessInfo.processInfo.activeProcessorCount,
                sink: { InterpretPipeline.Session(interpreter: interpreter, source: source) },
                checkHeader: interpreter.headerProblems,
                deliver: { InterpretPipeline.hand($0, each, &interpreted) })
            problems += interpreted + read
        case .jsonl:
            let mapped = mappedJSON
            let read = JSONLinesReader().read(input, source: source) { item, line in
                if let mapped {
                    let reader = ItemReader(extractor: mapped, item: item, locator: "line \(line)", source: source)
                    if let observation = reader.observation(problems: &problems) { each(observation) }
                } else {
                    interpret(JSONRecord.record(item, locator: "line \(line)"))
                }
            }
            pipeline.finish(each: each, problems: &problems)
            problems += read
        case .json, .auto:
            problems += readJSON(input, source: source, each: each)
        }
        return problems
    }

    /// A JSON extractor for the mapping, when there is one.
    private var mappedJSON: JSONFeedExtractor? {
        guard !mapping.isEmpty else { return nil }
        return JSONFeedExtractor(channel: interpreter.channel, items: items ?? JSONPath("")!, fields: mapping,
                                 defaultCurrency: interpreter.defaultCurrency, decimalSeparator: interpreter.decimalSeparator)
    }

    private func readJSON(_ input: FeedInput, source: String, each: (Observation) -> Void) -> [Problem] {
        // Without an items path the items are first found (a pass that keeps nothing), then streamed.
        let path: JSONPath?
        do {
            path = try JSONItemStream.itemsPath(items, in: input, source: source)
        } catch {
            return [error]
        }
        var problems: [Problem] = []
        if var mapped = mappedJSON {
            mapped.items = path ?? mapped.items  // no array of objects: the document is the one item
            return mapped.stream(input, source: source, each: each)
        }
        guard let path else {
            let syntax = JSONItemStream.check(input, source: source)
            return syntax.isEmpty ? [Problem(source: source, message: "no items found: no array of objects in the document")] : syntax
        }
        let pipeline = InterpretPipeline(interpreter: interpreter.prepared(), source: source,
                                         workers: max(1, ProcessInfo.processInfo.activeProcessorCount - 1))
        let outcome = JSONItemStream.read(input, source: source, items: path.steps) { item, locator in
            pipeline.add(JSONRecord.record(item, locator: locator), each: each, problems: &problems)
        }
        pipeline.finish(each: each, problems: &problems)
        problems += outcome.problems
        if outcome.items == 0 && outcome.problems.isEmpty {
            problems.append(Problem(source: source, message: "no items found at \"\(path)\""))
        }
        return problems
    }
}

