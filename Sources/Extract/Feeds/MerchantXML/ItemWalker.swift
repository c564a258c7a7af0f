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

    init(source: String) { self.source = source }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    mutating func visit(_ reader: xmlTextReaderPtr, type: Int32, each: (FeedRecord) -> Void) {
        let depth = xmlTextReaderDepth(reader)
        switch type {
        case 1:  // element
            let name = Self.string(xmlTextReaderConstLocalName(reader))
            let empty = xmlTextReaderIsEmptyElement(reader) == 1
            if root == nil { root = name }
            if itemDepth < 0 {
                guard MerchantXMLReader.itemNames.contains(name) else { return }
                itemDepth = depth
                let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
                openItemLine = line
                record = FeedRecord(locator: "item \(items + 1) (line \(line))")
                plain = []
                if empty { finish(each) }
            } else if depth == itemDepth + 1 {
                let namespace = Self.string(xmlTextReaderConstNamespaceUri(reader))
                let line = Int(xmlGetLineNo(xmlTextReaderCurrentNode(reader)))
                var text = ""
                if name == "link", let href = xmlTextReaderGetAttribute(reader, "href") {
                    text = String(cString: href)
                    omniaudit_xmlFree(href)
                }
                field = (name.lowercased(), MerchantXMLReader.googleNamespaces.contains(namespace), line, text)
                shipping = [:]
                if empty { closeField() }
            } else if depth == itemDepth + 2 {
                sub = (name.lowercased(), "")
                if empty { closeSub() }
            }
        case 3, 4, 14:  // text, CDATA, significant whitespace
            guard itemDepth >= 0 else { return }
            let text = Self.string(xmlTextReaderConstValue(reader))
            if sub != nil { sub?.text += text } else if field != nil { field?.text += text }
        case 15:  // end element
            guard itemDepth >= 0 else { return }
            if depth == itemDepth { finish(each) } else if depth == itemDepth + 1 { closeField() } else if depth == itemDepth + 2 { closeSub() }
        default:
            break
        }
    }

    private mutating func closeSub() {
        if let sub { shipping[sub.name] = sub.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        sub = nil
    }

    private mutating func closeField() {
        guard let field else { return }
        var text = field.text
        if !shipping.isEmpty {
            text = ["country", "region", "service", "price"].map { shipping[$0] ?? "" }.joined(separator: ":")
        }
        let value = FeedRecord.Value(name: field.name, text: text,
                                     locator: "line \(field.line) <\(field.google ? "g:" : "")\(field.name)>")
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
