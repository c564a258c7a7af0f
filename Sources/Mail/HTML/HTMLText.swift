import CLibXML2
import Foundation

/// Turns an HTML mail part into lines with libxml2's forgiving parser: block elements break lines, `style`,
/// `script` and `head` are skipped (JSON-LD scripts are kept apart for the Gmail annotations), hidden text (the
/// preheader: `display:none`, `max-height:0`, `mso-hide:all`, class `preheader`) is kept apart, link targets stay
/// with the line their anchor is on, struck-through text (`s`, `del`, `line-through`) is marked, and the lines of
/// one table cell or list item share a block id.
enum HTMLText {
    struct Output {
        var lines: [MailLine] = []
        var preheader: String?
        var jsonLD: [String] = []
        var nextBlock: Int
    }

    static let blockElements: Set<String> = [
        "p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead",
        "tfoot", "ul", "ol", "center", "section", "article", "header", "footer", "blockquote", "hr", "dd", "dt",
        "dl", "pre", "address", "form", "main", "nav", "aside", "figure", "figcaption", "caption", "body",
    ]
    static let cardElements: Set<String> = ["td", "th", "li"]
    static let skipped: Set<String> = ["style", "head", "title", "noscript", "template", "svg", "object", "iframe",
                                       "select", "option", "textarea", "map"]
    static let struckElements: Set<String> = ["s", "strike", "del"]
    static let maxDepth = 200
    static let maxPreheader = 600

    static func read(_ html: String, blockBase: Int) -> Output {
        var walker = Walker(block: blockBase)
        omniaudit_xml_silence()
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        var bytes = Array(html.utf8)
        if bytes.isEmpty { return Output(nextBlock: blockBase) }
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(clamping: buffer.count), "mail.html", "UTF-8", options)
            }
        }
        guard let document else { return Output(nextBlock: blockBase) }
        defer { xmlFreeDoc(document) }
        if let root = xmlDocGetRootElement(document) { walker.visit(root, depth: 0, hidden: false, struck: false) }
        walker.flush()
        let preheader = MailReader.collapse(walker.preheader)
        return Output(lines: walker.lines, preheader: preheader.isEmpty ? nil : String(preheader.prefix(maxPreheader)),
                      jsonLD: walker.jsonLD, nextBlock: walker.nextBlock)
    }

    private struct Walker {
        var lines: [MailLine] = []
        var preheader = ""
        var jsonLD: [String] = []
        var text = ""
        var links: [String] = []
        var struck = ""
        var blocks: [Int] = []
        var rows: [Int] = []
        var nextBlock: Int

        init(block: Int) { nextBlock = block + 1 }

        mutating func flush() {
            let line = MailReader.collapse(text)
            if !line.isEmpty {
                var mailLine = MailLine(number: lines.count + 1, text: line, links: links,
                                        struck: MailReader.collapse(struck), block: blocks.last ?? 0)
                mailLine.row = rows.last ?? 0
                lines.append(mailLine)
            }
            text = ""
            links = []
            struck = ""
        }

        mutating func visit(_ node: xmlNodePtr, depth: Int, hidden: Bool, struck isStruck: Bool) {
            guard depth < HTMLText.maxDepth else { return }
            var child = node.pointee.children
            if node.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: node.pointee.name).lowercased()
                if name == "script" {
                    if let type = attribute(node, "type"), type.lowercased().contains("ld+json") {
                        jsonLD.append(content(node))
                    }
                    return
                }
                if name == "head" {
                    collectScripts(node, depth: depth)
                    return
                }
                if HTMLText.skipped.contains(name) { return }
                let isBlock = HTMLText.blockElements.contains(name)
                let style = attribute(node, "style")?.lowercased().replacingOccurrences(of: " ", with: "") ?? ""
                let className = attribute(node, "class")?.lowercased() ?? ""
                let nowHidden = hidden || Self.isHidden(style: style, className: className)
                let nowStruck = isStruck || HTMLText.struckElements.contains(name) || style.contains("line-through")
                if isBlock, !hidden { flush() }
                if nowHidden, !hidden { preheader += " " }
                let isCard = HTMLText.cardElements.contains(name)
                if isCard {
                    blocks.append(nextBlock)
                    nextBlock += 1
                }
                if name == "tr" {
                    rows.append(nextBlock)
                    nextBlock += 1
                }
                if name == "a", !nowHidden, let href = attribute(node, "href") {
                    let target = href.trimmingCharacters(in: .whitespacesAndNewlines)
                    if !target.isEmpty { links.append(target) }
                }
                while let current = child {
                    visit(current, depth: depth + 1, hidden: nowHidden, struck: nowStruck)
                    child = current.pointee.next
                }
                if isBlock, !hidden { flush() }
                if isCard { blocks.removeLast() }
                if name == "tr" { rows.removeLast() }
                return
            }
            if node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE {
                let value = content(node)
                if hidden {
                    if preheader.utf8.count < HTMLText.maxPreheader * 2 { preheader += value }
                } else {
                    text += value
                    if isStruck { struck += value + " " }
                }
                return
            }
            while let current = child {
                visit(current, depth: depth + 1, hidden: hidden, struck: isStruck)
                child = current.pointee.next
            }
        }

        /// JSON-LD scripts inside an element whose text is not shown (`head`).
        mutating func collectScripts(_ node: xmlNodePtr, depth: Int) {
            guard depth < HTMLText.maxDepth else { return }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let name = String(cString: current.pointee.name).lowercased()
                    if name == "script", let type = attribute(current, "type"), type.lowercased().contains("ld+json") {
                        jsonLD.append(content(current))
                    } else {
                        collectScripts(current, depth: depth + 1)
                    }
                }
                child = current.pointee.next
            }
        }

        static func isHidden(style: String, className: String) -> Bool {
            style.contains("display:none") || style.contains("visibility:hidden") || style.contains("max-height:0")
                || style.contains("mso-hide:all") || (style.contains("opacity:0") && !style.contains("opacity:0."))
                || className.contains("preheader") || className.contains("preview-text")
        }

        func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { omniaudit_xmlFree(value) }
            return String(cString: value)
        }

        func content(_ node: xmlNodePtr) -> String {
            guard let value = xmlNodeGetContent(node) else { return "" }
            defer { omniaudit_xmlFree(value) }
            return String(cString: value)
        }
    }
}
