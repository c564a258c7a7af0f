import AuditModel
import CLibXML2
import Foundation

/// The state of one SAX parse of a Merchant feed: follows libxml2's start/end/text events and gathers one record per
/// `<item>`/`<entry>`, as `ItemWalker` does for the reader (each child element is a value, an Atom link its `href`,
/// `<g:shipping>`/`<g:tax>` sub-elements joined in Merchant's colon form). No tree is built, and no string either:
/// texts are copied into the current `XMLItemBatch`, handed on every `batchSize` items. Held in memory the callbacks
/// reach by pointer (no reference counting or exclusivity checks per event).
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
    private let each: (XMLItemBatch) -> Void
    private let batchSize: Int
    private var batch = XMLItemBatch()
    private var depth = -1
    private var itemDepth = -1
    /// The open item's values, `g:` and plain (the plain ones follow the `g:` ones in its record).
    private var google: [XMLItemBatch.Field] = []
    private var plain: [XMLItemBatch.Field] = []
    /// The open value: its name, namespace, line, where its text starts in the batch's bytes, and whether it is a tax.
    private var field: (name: Int32, google: Bool, line: Int, start: Int, tax: Bool)?
    /// The open sub-element of the value: its slot in `parts` (nil for other names) and where its text starts.
    private var sub: (slot: Int?, start: Int)?
    /// The texts of the open value's sub-elements (ranges of the batch's bytes), in Merchant's order (country,
    /// region, service or rate, price or tax_ship), and whether it has any sub-element.
    private var parts = [0..<0, 0..<0, 0..<0, 0..<0]
    private var hasParts = false
    /// Element names: every name met, and the index of each by libxml2's interned pointer (names come from the
    /// parser's dictionary) for the first few.
    private var names: [String] = []
    /// What each name means to the walker (by index, as `names`), so that no name is compared per element.
    private var roles: [Role] = []
    private var indexes: [String: Int32] = [:]
    private var cache: [(pointer: UnsafePointer<xmlChar>, index: Int32)] = []

    init(source: String, batchSize: Int = 256, each: @escaping (XMLItemBatch) -> Void) {
        self.source = source
        self.batchSize = max(1, batchSize)
        self.each = each
    }

    private var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    private mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        guard let pointer else { return intern("") }
        for entry in cache where entry.pointer == pointer { return entry.index }
        let index = intern(String(cString: pointer))
        if cache.count < 64 { cache.append((pointer, index)) }
        return index
    }

    private mutating func intern(_ name: String) -> Int32 {
        if let index = indexes[name] { return index }
        let index = Int32(names.count)
        names.append(name)
        roles.append(Role(rawValue: name) ?? .other)
        indexes[name] = index
        return index
    }

    /// The element names the walker treats apart: Atom's `link` (its `href`), `tax` (its sub-elements' slots
    /// differ from shipping's) and the sub-elements of shipping and tax.
    private enum Role: String {
        case other = "", link, tax, country, region, service, rate, price
        case taxShip = "tax_ship"
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
        if root == nil { root = names[Int(name(local))] }
        if itemDepth < 0 {
            guard Self.equals(local, "item") || Self.equals(local, "entry") else { return }
            itemDepth = depth
            openItemLine = line
            google.removeAll(keepingCapacity: true)
            plain.removeAll(keepingCapacity: true)
        } else if depth == itemDepth + 1 {
            let index = name(local)
            let textStart = batch.bytes.count
            let role = roles[Int(index)]
            if role == .link, let values {
                // Five pointers per attribute: local name, prefix, URI, value start, value end.
                for attribute in 0..<Int(attributes) where Self.equals(values[attribute * 5], "href") {
                    if let start = values[attribute * 5 + 3], let end = values[attribute * 5 + 4] {
                        batch.bytes.removeSubrange(textStart...)
                        batch.bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
                    }
                }
            }
            field = (index, isGoogle(cached: namespace), line, textStart, role == .tax)
            clearParts()
        } else if depth == itemDepth + 2 {
            let tax = field?.tax ?? false
            let slot: Int? = switch roles[Int(name(local))] {
            case .country: 0
            case .region: 1
            case .service: tax ? nil : 2
            case .rate: tax ? 2 : nil
            case .price: tax ? nil : 3
            case .taxShip: tax ? 3 : nil
            case .other, .link, .tax: nil
            }
            sub = (slot, batch.bytes.count)
        }
    }

    mutating func text(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
        guard itemDepth >= 0, field != nil, let bytes, count > 0 else { return }
        // A value's own text and its sub-elements' texts may interleave; a value with sub-elements keeps only theirs.
        batch.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(count)))
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
                if let slot = sub.slot { parts[slot] = sub.start..<batch.bytes.count }
            }
            sub = nil
        }
    }

    private mutating func closeField() {
        guard let field else { return }
        var start = field.start
        if hasParts {
            // Merchant's colon form: shipping `country:region:service:price`, tax `country:region:rate:tax_ship`.
            start = batch.bytes.count
            for slot in parts.indices {
                if slot > 0 { batch.bytes.append(UInt8(ascii: ":")) }
                appendTrimmed(parts[slot])
            }
        }
        let value = XMLItemBatch.Field(name: field.name, google: field.google, line: field.line, start: start, end: batch.bytes.count)
        if field.google { google.append(value) } else { plain.append(value) }
        self.field = nil
        clearParts()
    }

    /// Appends the text of `bytes[range]` without surrounding whitespace (`feedTrimmed`).
    private mutating func appendTrimmed(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let first = batch.bytes[range.lowerBound], last = batch.bytes[range.upperBound - 1]
        func maybeSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte >= 0x80 }
        if !maybeSpace(first) && !maybeSpace(last) {
            batch.bytes.reserveCapacity(batch.bytes.count + range.count)
            for index in range { batch.bytes.append(batch.bytes[index]) }
        } else {
            let text = String(decoding: batch.bytes[range], as: UTF8.self).feedTrimmed
            batch.bytes.append(contentsOf: text.utf8)
        }
    }

    private mutating func clearParts() {
        guard hasParts else { return }
        for index in parts.indices { parts[index] = 0..<0 }
        hasParts = false
    }

    private mutating func finish() {
        batch.fields += google
        batch.fields += plain
        items += 1
        batch.items.append(XMLItemBatch.Item(index: items, line: openItemLine ?? 0, fieldsEnd: batch.fields.count))
        itemDepth = -1
        openItemLine = nil
        if batch.items.count >= batchSize { each(takeBatch()) }
    }

    /// The items completed and not yet handed on (between items, no text of an open one is in the batch).
    mutating func takeBatch() -> XMLItemBatch {
        var next = XMLItemBatch()
        next.bytes.reserveCapacity(min(batch.bytes.count, 1 << 20))  // one huge item does not make every batch huge
        next.fields.reserveCapacity(batch.fields.count)
        next.items.reserveCapacity(batch.items.count)
        var taken = batch
        taken.names = names
        batch = next
        return taken
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
