import AuditModel
import CLibXML2
import Foundation

/// Streams the items of a Google Merchant RSS 2.0 (`<item>`) or Atom 1.0 (`<entry>`) feed with libxml2's
/// `xmlTextReader`: one item in memory at a time, no network, no external entities, no DTD loading; a DOCTYPE
/// is refused before any entity can be declared or expanded. Both `g:` namespace URIs are read
/// (`http://base.google.com/ns/1.0` and `http://base.google.com/cns/1.0`); `g:` values win over plain
/// elements of the same name (an Atom `<id>` never hides `<g:id>`).
public struct MerchantXMLReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads every item, handing each record to `each`; returns the problems (malformed XML with its line and
    /// column, a refused DOCTYPE, an item cut off by an error).
    public func read(_ input: FeedInput, source: String, each: (FeedRecord) -> Void) -> [Problem] {
        omniaudit_xml_silence()
        let errors = XMLErrors()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue)
        let context = Unmanaged.passUnretained(input).toOpaque()
        let readCallback: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return 0 }
            let input = Unmanaged<FeedInput>.fromOpaque(context).takeUnretainedValue()
            return Int32(input.read(into: UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
        }
        guard let reader = xmlReaderForIO(readCallback, nil, context, source, nil, options) else {
            return [Problem(source: source, message: "libxml2 could not start reading the feed")]
        }
        defer { xmlFreeTextReader(reader) }
        let errorContext = Unmanaged.passUnretained(errors).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            Unmanaged<XMLErrors>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
        }, errorContext)
        var walker = ItemWalker(source: source)
        var problems: [Problem] = []
        var status: Int32 = 1
        while true {
            status = xmlTextReaderRead(reader)
            guard status == 1 else { break }
            let type = xmlTextReaderNodeType(reader)
            if type == 10 {  // XML_READER_TYPE_DOCUMENT_TYPE
                let nodeLine = xmlGetLineNo(xmlTextReaderCurrentNode(reader))
                let line = nodeLine > 0 ? Int(nodeLine) : Int(xmlTextReaderGetParserLineNumber(reader))
                problems.append(Problem(source: source, position: "line \(line)",
                                        message: "DOCTYPE refused (declared before this line): a feed needs none, and its entities could expand without bound or read local files"))
                status = -2
                break
            }
            walker.visit(reader, type: type, each: each)
        }
        if status == -1 || input.failure != nil {
            let position = errors.first.map { "line \($0.line), column \($0.column)" } ?? "line \(xmlTextReaderGetParserLineNumber(reader))"
            let message = input.failure ?? errors.first?.message ?? "malformed XML"
            problems.append(Problem(source: source, position: position,
                                    message: "\(message) (reading stopped here after \(walker.items) items)"))
        }
        if status != 1 && status != 0, let open = walker.openItemLine {
            problems.append(Problem(source: source, position: "item \(walker.items + 1) (line \(open))",
                                    message: "item not read: the feed stops or breaks before it ends"))
        }
        if status == 0, walker.items == 0, problems.isEmpty {
            let root = walker.root ?? "nothing"
            problems.append(Problem(source: source, position: "line 1",
                                    message: "no <item> or <entry> elements: the root element is <\(root)>, not an RSS or Atom feed"))
        }
        return problems
    }
}

/// Collects libxml2's first error with its position.
final class XMLErrors {
    private(set) var first: (line: Int32, column: Int32, message: String)?

    func record(_ error: xmlError) {
        guard first == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
        first = (error.line, error.int2, message)
    }
}
