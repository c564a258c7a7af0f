import AuditModel
import CLibXML2
import Foundation

/// The state of one SAX parse of a Merchant feed: follows libxml2's start/end/text events and builds one record per
/// `<item>`/`<entry>`, as `ItemWalker` does for the reader (each child element is a value, an Atom link its `href`,
/// `<g:shipping>`/`<g:tax>` sub-elements joined in Merchant's colon form). No tree is built. Held in memory the
/// callbacks reach by pointer (no reference counting or exclusivity checks per event).
struct SAXItemWalker {
    let source: String
    /// The parser, for line numbers and stopping.
    var context: xmlParserCtxtPtr?
    /// Items completed so far.
    private(set) var items = 0
    /// The root element's name, for the "not a feed" message.
    private(set) var root: String?
    /// The line of the item being read, if one is open.
    private(set) var openItemLine: Int?
    /// The line of a refused DOCTYPE.
    private(set) var doctypeLine: Int?
    /// The first error at level error or above: line, column, message.
    private(set) var firstError: (line: Int32, column: Int32, message: String)?
    private let each: (FeedRecord) -> Void
    private var depth = -1
    private var itemDepth = -1
    private var record = FeedRecord(locator: "")
    private var plain: [FeedRecord.Value] = []
    private var field: (name: String, google: Bool, line: Int, text: String)?
    private var sub: (name: String, text: String)?
    /// The sub-elements of the open field, in Merchant's order (country, region, service or rate, price or
    /// tax_ship), and whether it has any.
    private var parts = ["", "", "", ""]
    private var hasParts = false
    /// Element names made into strings, by libxml2's interned pointer (names come from the parser's dictionary).
    private var names: [(pointer: UnsafePointer<xmlChar>, name: String)] = []

    init(source: String, each: @escaping (FeedRecord) -> Void) {
        self.source = source
        self.each = each
    }

    private var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    private mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        for entry in names where entry.pointer == pointer { return entry.name }
        let name = String(cString: pointer)
        if names.count < 64 { names.append((pointer, name)) }
        return name
    }

    private static func equals(_ pointer: UnsafePointer<xmlChar>?, _ literal: StaticString) -> Bool {
        guard let pointer else { return false }
        return strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    private static func isGoogle(_ namespace: UnsafePointer<xmlChar>?) -> Bool {
        equals(namespace, "http://base.google.com/ns/1.0") || equals(namespace, "http://base.google.com/cns/1.0")
    }

    /// The last namespace seen and whether it is Google's: namespaces come from the parser's dictionary, so one
    /// pointer comparison usually replaces two string comparisons per element.
    private var lastNamespace: (pointer: UnsafePointer<xmlChar>?, google: Bool) = (nil, false)

    private mutating func isGoogle(cached namespace: UnsafePointer<xmlChar>?) -> Bool {
        guard let namespace else { return false }
        if lastNamespace.pointer == namespace { return lastNamespace.google }
        let google = Self.isGoogle(namespace)
        lastNamespace = (namespace, google)
        return google
    }

    mutating func start(_ local: UnsafePointer<xmlChar>?, _ namespace: UnsafePointer<xmlChar>?, attributes: Int32,
               _ values: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        if root == nil { root = name(local) }
        if itemDepth < 0 {
            guard Self.equals(local, "item") || Self.equals(local, "entry") else { return }
            itemDepth = depth
            let line = self.line
            openItemLine = line
            record = FeedRecord(place: .item(index: items + 1, line: line))
            record.values.reserveCapacity(16)
            plain = []
        } else if depth == itemDepth + 1 {
            let name = name(local)
            var text = ""
            if name == "link", let values {
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                for index in 0..<Int(attributes) where Self.equals(values[index * 5], "href") {
                    if let start = values[index * 5 + 3], let end = values[index * 5 + 4] {
                        text = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                    }
                }
            }
            field = (name, isGoogle(cached: namespace), line, text)
            clearParts()
        } else if depth == itemDepth + 2 {
            sub = (name(local), "")
        }
    }

    mutating func text(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard itemDepth >= 0, field != nil, let bytes, count > 0 else { return }
        let text = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)
        if sub != nil {
            if sub!.text.isEmpty { sub!.text = text } else { sub!.text += text }
        } else {
            if field!.text.isEmpty { field!.text = text } else { field!.text += text }
        }
    }

    mutating func end() {
        defer { depth -= 1 }
        guard itemDepth >= 0 else { return }
        if depth == itemDepth {
            finish()
        } else if depth == itemDepth + 1 {
            closeField()
        } else if depth == itemDepth + 2 {
            if let sub {
                hasParts = true
                let tax = field?.name == "tax"
                let slot: Int? = switch sub.name {
                case "country": 0
                case "region": 1
                case "service": tax ? nil : 2
                case "rate": tax ? 2 : nil
                case "price": tax ? nil : 3
                case "tax_ship": tax ? 3 : nil
                default: nil
                }
                if let slot { parts[slot] = sub.text.feedTrimmed }
            }
            sub = nil
        }
    }

    private mutating func closeField() {
        guard let field else { return }
        var text = field.text
        if hasParts {
            // Merchant's colon form: shipping `country:region:service:price`, tax `country:region:rate:tax_ship`.
            text = parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + parts[3]
        }
        let value = FeedRecord.Value(name: field.name, text: text, place: .element(line: field.line, google: field.google))
        if field.google { record.values.append(value) } else { plain.append(value) }
        self.field = nil
        clearParts()
    }

    private mutating func clearParts() {
        guard hasParts else { return }
        for index in parts.indices { parts[index] = "" }
        hasParts = false
    }

    private mutating func finish() {
        record.values += plain
        items += 1
        itemDepth = -1
        openItemLine = nil
        each(record)
    }

    /// A DOCTYPE: refused, and the parse stopped before any entity is declared.
    mutating func doctype() {
        doctypeLine = line
        if let context { xmlStopParser(context) }
    }

    mutating func error(_ error: xmlError) {
        guard firstError == nil, error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
        firstError = (error.line, error.int2, message)
    }
}
