import AuditModel
import CLibXML2
import Foundation

/// Follows the reader's nodes and builds one record per `<item>`/`<entry>`: each child element is a value
/// (its text, or an Atom link's `href`); `<g:shipping>` sub-elements are joined as `country:region:service:price`.
struct ItemWalker {
    let source: String
    /// Items completed so far.
    private(set) var items = 0
    /// The root element's name, for the "not a feed" message.
    private(set) var root: String?
    /// The line of the item being read, if one is open.
    private(set) var openItemLine: Int?
    private var itemDepth: Int32 = -1
    private var record = FeedRecord(locator: "")
    private var plain: [FeedRecord.Value] = []
    private var field: (name: String, google: Bool, line: Int, text: String)?
    private var sub: (name: String, text: String)?
    private var shipping: [String: String] = [:]

    /// Element names made into strings, by libxml2's interned pointer (the reader's dictionary gives one pointer
    /// per distinct name), so that a name is decoded once per feed rather than once per element.
    private var names: [(pointer: UnsafePointer<xmlChar>, name: String)] = []

    init(source: String) { self.source = source }

    private mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        for entry in names where entry.pointer == pointer { return entry.name }
        let name = String(cString: pointer)
        if names.count < 64 { names.append((pointer, name)) }
        return name
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// True when a libxml2 string equals an ASCII literal (no String made).
    private static func equals(_ pointer: UnsafePointer<xmlChar>?, _ literal: StaticString) -> Bool {
        guard let pointer else { return false }
        return strcmp(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(literal.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    private static func isGoogle(_ namespace: UnsafePointer<xmlChar>?) -> Bool {
        equals(namespace, "http://base.google.com/ns/1.0") || equals(namespace, "http://base.google.com/cns/1.0")
    }

    mutating func visit(_ reader: xmlTextReaderPtr, type: Int32, each: (FeedRecord) -> Void) {
        switch type {
        case 1:  // element
            let depth = xmlTextReaderDepth(reader)
            let local = xmlTextReaderConstLocalName(reader)
            let empty = xmlTextReaderIsEmptyElement(reader) == 1
            if root == nil { root = Self.string(local) }
            if itemDepth < 0 {
                guard Self.equals(local, "item") || Self.equals(local, "entry") else { return }
                itemDepth = depth
                let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
                openItemLine = line
                record = FeedRecord(place: .item(index: items + 1, line: line))
                record.values.reserveCapacity(16)
                plain = []
                if empty { finish(each) }
            } else if depth == itemDepth + 1 {
                let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
                var text = ""
                let name = name(local)
                if name == "link", let href = xmlTextReaderGetAttribute(reader, "href") {
                    text = String(cString: href)
                    omniaudit_xmlFree(href)
                }
                field = (name, Self.isGoogle(xmlTextReaderConstNamespaceUri(reader)), line, text)
                shipping = [:]
                if empty { closeField() }
            } else if depth == itemDepth + 2 {
                sub = (name(local), "")
                if empty { closeSub() }
            }
        case 3, 4, 14:  // text, CDATA, significant whitespace
            guard itemDepth >= 0, field != nil, let value = xmlTextReaderConstValue(reader) else { return }
            let text = String(cString: value)
            if sub != nil { sub?.text += text } else { field?.text += text }
        case 15:  // end element
            guard itemDepth >= 0 else { return }
            let depth = xmlTextReaderDepth(reader)
            if depth == itemDepth { finish(each) } else if depth == itemDepth + 1 { closeField() } else if depth == itemDepth + 2 { closeSub() }
        default:
            break
        }
    }

    private mutating func closeSub() {
        if let sub { shipping[sub.name] = sub.text.feedTrimmed }
        sub = nil
    }

    private mutating func closeField() {
        guard let field else { return }
        var text = field.text
        if !shipping.isEmpty {
            // Merchant's colon form: shipping `country:region:service:price`, tax `country:region:rate:tax_ship`.
            let parts = field.name == "tax" ? ["country", "region", "rate", "tax_ship"] : ["country", "region", "service", "price"]
            text = parts.map { shipping[$0] ?? "" }.joined(separator: ":")
        }
        let value = FeedRecord.Value(name: field.name, text: text, place: .element(line: field.line, google: field.google))
        if field.google { record.values.append(value) } else { plain.append(value) }
        self.field = nil
        shipping = [:]
    }

    private mutating func finish(_ each: (FeedRecord) -> Void) {
        record.values += plain
        items += 1
        itemDepth = -1
        openItemLine = nil
        each(record)
    }
}
