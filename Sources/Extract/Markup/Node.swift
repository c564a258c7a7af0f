import CLibXML2
import Foundation

/// A read-only view of one libxml2 node. It retains its `MarkupTree`, so the document cannot be freed while a
/// node is in use (ownership is explicit, not left to lexical lifetimes). Names compare without allocating.
struct Node {
    let pointer: xmlNodePtr
    /// The tree the node belongs to; holding it keeps `xmlFreeDoc` from running first.
    let tree: MarkupTree

    init(pointer: xmlNodePtr, tree: MarkupTree) {
        self.pointer = pointer
        self.tree = tree
    }

    /// Another node of the same tree.
    func related(_ other: xmlNodePtr) -> Node { Node(pointer: other, tree: tree) }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The element name as libxml2 stores it (lower case for HTML).
    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    /// True when the element name equals `other` (ASCII, lower case).
    func named(_ other: StaticString) -> Bool {
        guard let name = pointer.pointee.name else { return false }
        return strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self),
                      UnsafeRawPointer(other.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The value of an attribute, nil when absent.
    func attribute(_ attribute: StaticString) -> String? {
        var property = pointer.pointee.properties
        let wanted = UnsafeRawPointer(attribute.utf8Start).assumingMemoryBound(to: CChar.self)
        while let current = property {
            if let name = current.pointee.name,
                strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0
            {
                guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) else { return "" }
                defer { omniaudit_xmlFree(value) }
                return String(cString: value)
            }
            property = current.pointee.next
        }
        return nil
    }

    /// True when the attribute's value contains one of the words (ASCII, case-insensitive; words in lower case),
    /// compared in place without building a string.
    func attribute(_ attribute: StaticString, contains words: [StaticString]) -> Bool {
        var property = pointer.pointee.properties
        let wanted = UnsafeRawPointer(attribute.utf8Start).assumingMemoryBound(to: CChar.self)
        while let current = property {
            if let name = current.pointee.name, strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                guard let value = current.pointee.children?.pointee.content else { return false }
                let text = UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self)
                return words.contains { omniaudit_contains_ci(text, UnsafeRawPointer($0.utf8Start).assumingMemoryBound(to: CChar.self)) != 0 }
            }
            property = current.pointee.next
        }
        return false
    }

    /// True when the element has the attribute.
    func has(_ attribute: StaticString) -> Bool {
        var property = pointer.pointee.properties
        let wanted = UnsafeRawPointer(attribute.utf8Start).assumingMemoryBound(to: CChar.self)
        while let current = property {
            if let name = current.pointee.name, strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                return true
            }
            property = current.pointee.next
        }
        return false
    }

    /// The text of the node and its descendants.
    var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { omniaudit_xmlFree(content) }
        return String(cString: content)
    }

    /// The text directly inside the element, not in child elements (text and CDATA nodes).
    var ownText: String {
        var text = ""
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content {
                text += String(cString: content)
            }
            child = current.pointee.next
        }
        return text
    }

    /// The text with runs of whitespace (incl. NBSP) collapsed to one space, trimmed.
    var collapsedText: String { Node.collapse(text) }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Child elements, in order.
    var elements: [Node] {
        var result: [Node] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(related(current)) }
            child = current.pointee.next
        }
        return result
    }

    var parent: Node? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return related(parent)
    }

    /// The 1-based line of the element in the source, for evidence.
    var line: Int { Int(xmlGetLineNo(pointer)) }

    /// A short locator such as `span.price--current (line 42)`.
    var locator: String {
        let classes = (attribute("class") ?? "").split(separator: " ").prefix(2).joined(separator: ".")
        return name + (classes.isEmpty ? "" : ".\(classes)") + " (line \(line))"
    }

    /// Every element of the subtree in document order, the node first.
    func descendants(_ body: (Node) -> Bool) {
        var stack: [xmlNodePtr] = [pointer]
        while let current = stack.popLast() {
            let node = related(current)
            guard body(node) else { continue }
            var children: [xmlNodePtr] = []
            var child = current.pointee.children
            while let next = child {
                if next.pointee.type == XML_ELEMENT_NODE { children.append(next) }
                child = next.pointee.next
            }
            stack.append(contentsOf: children.reversed())
        }
    }
}

extension MarkupTree {
    /// The root element, if any.
    var rootElement: Node? { xmlDocGetRootElement(document).map { Node(pointer: $0, tree: self) } }
}
