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

    /// The value of an attribute as libxml2 stores it, when that is one text node (what `attribute` returns,
    /// without making a string); nil when the attribute is absent or stored otherwise.
    func rawAttribute(_ attribute: StaticString) -> UnsafePointer<xmlChar>? {
        var property = pointer.pointee.properties
        let wanted = UnsafeRawPointer(attribute.utf8Start).assumingMemoryBound(to: CChar.self)
        while let current = property {
            if let name = current.pointee.name, strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                guard let child = current.pointee.children, child.pointee.type == XML_TEXT_NODE, child.pointee.next == nil,
                    let content = child.pointee.content
                else { return nil }
                return UnsafePointer(content)
            }
            property = current.pointee.next
        }
        return nil
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

    /// True when `collapsedText` surely has more than `limit` characters, decided on the text nodes' bytes
    /// without building a string: each ASCII non-space byte followed by another ASCII byte is a character of
    /// its own, so their count is a lower bound.
    func textSurelyLonger(than limit: Int) -> Bool {
        var count = 0
        var stack: [xmlNodePtr] = []
        var node = pointer.pointee.children
        while true {
            guard let current = node else {
                guard let parent = stack.popLast() else { return false }
                node = parent.pointee.next
                continue
            }
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE, var byte = current.pointee.content {
                while byte.pointee != 0 {
                    let value = byte.pointee
                    let next = byte[1]
                    // The last byte of a text node is not counted: the next node may begin with a combining mark.
                    if value < 0x80, value > 0x20, value != 0x7F, next != 0, next < 0x80 {
                        count += 1
                        if count > limit { return true }
                    }
                    byte += 1
                }
            } else if current.pointee.type == XML_ELEMENT_NODE, let child = current.pointee.children {
                stack.append(current)
                node = child
                continue
            }
            node = current.pointee.next
        }
    }

    /// Same result as splitting on `Character.isWhitespace` and joining with one space, computed on UTF-8 bytes
    /// and Unicode scalars (the `Character` version spends most of extraction's time in grapheme breaking).
    /// Where a whitespace scalar touches a scalar that could join it into one grapheme (combining marks, format
    /// characters, prepend letters), the `Character` version decides, so the result never differs.
    static func collapse(_ text: String) -> String {
        var text = text
        if let fast = text.withUTF8({ collapseScalars($0) }) { return fast }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// True for a non-ASCII scalar that never forms one grapheme with a whitespace scalar beside it (no mark,
    /// format character, modifier or "other letter", the classes that hold Extend, SpacingMark and Prepend).
    @inline(__always)
    private static func standsApart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .otherSymbol, .spaceSeparator,
             .lineSeparator, .paragraphSeparator, .control:
            return true
        default:
            return false
        }
    }

    /// The collapsed text, or nil when a grapheme could join a whitespace scalar with its neighbour.
    private static func collapseScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        var joined = false
        let result = String(unsafeUninitializedCapacity: count) { out -> Int in
            var written = 0
            var index = 0
            var pendingSpace = false
            var afterWhitespace = false
            var previousApart = true
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        if !previousApart { joined = true; return 0 }
                        pendingSpace = written > 0
                        afterWhitespace = true
                        previousApart = true
                    } else {
                        if pendingSpace { out[written] = 0x20; written += 1; pendingSpace = false }
                        out[written] = byte
                        written += 1
                        afterWhitespace = false
                        previousApart = true
                    }
                    index += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                guard index + length <= count else { joined = true; return 0 }
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                guard let scalar = Unicode.Scalar(value) else { joined = true; return 0 }
                if scalar.properties.isWhitespace {
                    if !previousApart { joined = true; return 0 }
                    pendingSpace = written > 0
                    afterWhitespace = true
                    previousApart = true
                } else {
                    let apart = standsApart(scalar)
                    if afterWhitespace && !apart { joined = true; return 0 }
                    if pendingSpace { out[written] = 0x20; written += 1; pendingSpace = false }
                    for offset in 0..<length { out[written + offset] = bytes[index + offset] }
                    written += length
                    afterWhitespace = false
                    previousApart = apart
                }
                index += length
            }
            return written
        }
        return joined ? nil : result
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

    /// Every element below the node in document order (not the node itself), as raw pointers, without
    /// allocating; `body` returns whether to descend into the element.
    func forEachElementBelow(_ body: (xmlNodePtr) -> Bool) {
        var current: xmlNodePtr? = pointer.pointee.children
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE, body(node), let child = node.pointee.children {
                current = child
                continue
            }
            // The next sibling of the node or of its nearest ancestor below this node that has one.
            current = nil
            var here: xmlNodePtr? = node
            while let step = here, step != pointer {
                if let sibling = step.pointee.next {
                    current = sibling
                    break
                }
                here = step.pointee.parent
            }
        }
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

    /// Every element of the document in document order (what `//*` selects), as raw pointers (no retain per
    /// element), until `body` returns false.
    func forEachElementPointer(_ body: (xmlNodePtr) -> Bool) {
        let documentNode = UnsafeMutableRawPointer(document)
        var current: xmlNodePtr? = document.pointee.children
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE {
                guard body(node) else { return }
                if let child = node.pointee.children {
                    current = child
                    continue
                }
            }
            // The next sibling of the node or of its nearest ancestor that has one.
            current = nil
            var here: xmlNodePtr? = node
            while let step = here {
                if let sibling = step.pointee.next {
                    current = sibling
                    break
                }
                guard let parent = step.pointee.parent, UnsafeMutableRawPointer(parent) != documentNode else { break }
                here = parent
            }
        }
    }
}
