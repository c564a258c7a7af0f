import AuditModel
import CLibXML2
import Foundation

/// A parsed HTML or XML document (libxml2), freed when the value goes away.
///
/// Confined to the task that created it: it is never shared, so the raw pointer needs no locking.
public final class MarkupTree {
    private let doc: xmlDocPtr

    /// The libxml2 document, for node walks inside this module.
    var document: xmlDocPtr { doc }

    /// Parses bytes as HTML with libxml2's forgiving parser; `encoding` overrides the page's own declaration.
    /// Returns nil only when libxml2 cannot build a document at all (empty input).
    public init?(html data: Data, url: String, encoding: String? = nil) {
        omniaudit_xml_silence()
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        if let doc = RawTextBodies(data, encoding: encoding)?.parse(url: url, options: options) {
            self.doc = doc
            return
        }
        let parsed = data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count), url, encoding, options)
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    /// Parses bytes as XML without network access, external entities or DTD loading.
    /// Throws a `Problem` naming the line and column of the first fatal error.
    public init(xml data: Data, url: String) throws(Problem) {
        omniaudit_xml_silence()
        xmlResetLastError()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)
        let parsed = data.withUnsafeBytes { raw -> xmlDocPtr? in
            guard let base = raw.baseAddress, raw.count > 0 else { return nil }
            return xmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(clamping: raw.count), url, nil, options)
        }
        guard let parsed else {
            if let last = xmlGetLastError(), last.pointee.code != 0 {
                let message = last.pointee.message.map { String(cString: $0) }?
                    .trimmingCharacters(in: .whitespacesAndNewlines) ?? "malformed XML"
                throw Problem(source: url, position: "line \(last.pointee.line), column \(last.pointee.int2)",
                              message: message)
            }
            throw Problem(source: url, message: "empty document")
        }
        doc = parsed
    }

    deinit {
        // A tree parsed in a `MarkupArena` session is dropped with the arena, not freed node by node.
        if !MarkupArena.owns(doc) { xmlFreeDoc(doc) }
    }

    /// The text content of every node an XPath expression selects, in document order.
    public func strings(_ xpath: String) -> [String] {
        nodes(xpath).map(Self.textContent)
    }

    /// The value of one attribute on every element an XPath expression selects.
    public func attributes(_ xpath: String, name: String) -> [String] {
        nodes(xpath).compactMap { node in
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { omniaudit_xmlFree(value) }
            return String(cString: value)
        }
    }

    /// For each selected node, a closure reading its text later: each holds a `Node`, which retains this tree,
    /// so the text stays readable after the caller lets go of the tree (used to test ownership under ASan).
    public func nodeTexts(_ xpath: String) -> [() -> String] {
        elements(xpath).map { node in { node.collapsedText } }
    }

    /// The elements an XPath expression selects.
    func elements(_ xpath: String) -> [Node] { nodes(xpath).map { Node(pointer: $0, tree: self) } }

    private func nodes(_ xpath: String) -> [xmlNodePtr] {
        guard let context = xmlXPathNewContext(doc) else { return [] }
        defer { xmlXPathFreeContext(context) }
        guard let result = xmlXPathEvalExpression(xpath, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { set.pointee.nodeTab[$0] }
    }

    private static func textContent(_ node: xmlNodePtr) -> String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { omniaudit_xmlFree(content) }
        return String(cString: content)
    }
}
