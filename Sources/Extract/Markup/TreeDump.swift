import CLibXML2

/// A libxml2 document as one line per node (depth, type, name, line, text, attributes), to compare two trees
/// node for node: the tree `RawTextBodies` restores against the one `htmlReadMemory` builds (tests, fuzzing).
enum TreeDump {
    static func lines(_ doc: xmlDocPtr) -> [String] {
        var lines: [String] = []
        func string(_ pointer: UnsafePointer<xmlChar>?) -> String { pointer.map { String(cString: $0) } ?? "∅" }
        func walk(_ first: xmlNodePtr?, depth: Int) {
            var node = first
            while let current = node {
                if current.pointee.type == XML_DTD_NODE {  // an xmlDtd: no line, attributes or content fields
                    lines.append("\(depth) DTD \(string(current.pointee.name))")
                    node = current.pointee.next
                    continue
                }
                var line = "\(depth) \(current.pointee.type.rawValue) \(string(current.pointee.name)) @\(current.pointee.line)"
                if current.pointee.type == XML_ELEMENT_NODE {
                    var property = current.pointee.properties
                    while let attribute = property {
                        let value = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self))
                        line += " [\(string(attribute.pointee.name))=\(string(value))]"
                        omniaudit_xmlFree(value)
                        property = attribute.pointee.next
                    }
                    lines.append(line)
                    walk(current.pointee.children, depth: depth + 1)
                } else {
                    line += " «\(string(current.pointee.content))»"
                    lines.append(line)
                }
                node = current.pointee.next
            }
        }
        walk(doc.pointee.children, depth: 0)
        return lines
    }
}
