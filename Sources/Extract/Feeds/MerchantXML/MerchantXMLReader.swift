import AuditModel
import CLibXML2
import Foundation

/// Streams the items of a Google Merchant RSS 2.0 (`<item>`) or Atom 1.0 (`<entry>`) feed with libxml2's
/// SAX2 parser: one item in memory at a time, no network, no external entities, no DTD loading; a DOCTYPE
/// is refused before any entity can be declared or expanded. Both `g:` namespace URIs are read
/// (`http://base.google.com/ns/1.0` and `http://base.google.com/cns/1.0`); `g:` values win over plain
/// elements of the same name (an Atom `<id>` never hides `<g:id>`).
public struct MerchantXMLReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads every item, handing each record to `each`; returns the problems (malformed XML with its line and
    /// column, a refused DOCTYPE, an item cut off by an error).
    public func read(_ input: FeedInput, source: String, each: (FeedRecord) -> Void) -> [Problem] {
        readBatches(input, source: source) { batch, _ in batch.records().forEach(each) }
    }

    /// Reads every item, handing them on in batches of `batchSize` items, the last (`final`, maybe smaller or empty)
    /// once parsing ended: the parsing thread only copies texts, and whoever takes a batch makes its records.
    func readBatches(_ input: FeedInput, source: String, batchSize: Int = 256,
                     each: (_ batch: XMLItemBatch, _ final: Bool) -> Void) -> [Problem] {
        withoutActuallyEscaping(each) { each in readSAX(input, source: source, batchSize: batchSize, each: each) }
    }

    /// Reads with libxml2's SAX2 callbacks (no tree, not even one node per element as `xmlTextReader` builds).
    private func readSAX(_ input: FeedInput, source: String, batchSize: Int,
                         each: @escaping (XMLItemBatch, Bool) -> Void) -> [Problem] {
        omniaudit_xml_silence()
        let walker = UnsafeMutablePointer<SAXItemWalker>.allocate(capacity: 1)
        walker.initialize(to: SAXItemWalker(source: source, batchSize: batchSize) { each($0, false) })
        defer {
            walker.deinitialize(count: 1)
            walker.deallocate()
        }
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, local, _, namespace, _, _, attributes, _, values in
            guard let context else { return }
            context.assumingMemoryBound(to: SAXItemWalker.self).pointee.start(local, namespace, attributes: attributes, values)
        }
        handler.endElementNs = { context, _, _, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: SAXItemWalker.self).pointee.end()
        }
        handler.characters = { context, bytes, count in
            guard let context else { return }
            context.assumingMemoryBound(to: SAXItemWalker.self).pointee.text(bytes, count)
        }
        handler.cdataBlock = handler.characters
        handler.internalSubset = { context, _, _, _ in
            guard let context else { return }
            context.assumingMemoryBound(to: SAXItemWalker.self).pointee.doctype()
        }
        handler.serror = { context, error in
            guard let context, let error else { return }
            context.assumingMemoryBound(to: SAXItemWalker.self).pointee.error(error.pointee)
        }
        let readCallback: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let input = Unmanaged<FeedInput>.fromOpaque(context).takeUnretainedValue()
            return Int32(input.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue)
        let walkerPointer = UnsafeMutableRawPointer(walker)
        let inputPointer = Unmanaged.passUnretained(input).toOpaque()
        guard let context = withUnsafeMutablePointer(to: &handler, { handler in
            xmlCreateIOParserCtxt(handler, walkerPointer, readCallback, nil, inputPointer, XML_CHAR_ENCODING_NONE)
        }) else {
            return [Problem(source: source, message: "libxml2 could not start reading the feed")]
        }
        defer { xmlFreeParserCtxt(context) }
        _ = xmlCtxtUseOptions(context, options)
        walker.pointee.context = context
        let parsed = withExtendedLifetime(input) { xmlParseDocument(context) }
        each(walker.pointee.takeBatch(), true)
        var problems: [Problem] = []
        let wellFormed = context.pointee.wellFormed != 0 && parsed == 0
        if let line = walker.pointee.doctypeLine {
            problems.append(Problem(source: source, position: "line \(line)",
                                    message: "DOCTYPE refused (declared before this line): a feed needs none, and its entities could expand without bound or read local files",
                                    stopsReading: true))
        } else if !wellFormed || input.failure != nil {
            let position = walker.pointee.firstError.map { "line \($0.line), column \($0.column)" } ?? "line \(xmlSAX2GetLineNumber(UnsafeMutableRawPointer(context)))"
            let message = input.failure ?? walker.pointee.firstError?.message ?? "malformed XML"
            problems.append(Problem(source: source, position: position,
                                    message: "\(message) (reading stopped here after \(walker.pointee.items) items)", stopsReading: true))
        }
        if (walker.pointee.doctypeLine != nil || !wellFormed || input.failure != nil), let open = walker.pointee.openItemLine {
            problems.append(Problem(source: source, position: "item \(walker.pointee.items + 1) (line \(open))",
                                    message: "item not read: the feed stops or breaks before it ends"))
        }
        if problems.isEmpty, walker.pointee.items == 0 {
            let root = walker.pointee.root ?? "nothing"
            problems.append(Problem(source: source, position: "line 1",
                                    message: "no <item> or <entry> elements: the root element is <\(root)>, not an RSS or Atom feed"))
        }
        return problems
    }
}
