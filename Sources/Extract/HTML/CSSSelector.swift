import CLibXML2
import Foundation

/// Compiles the CSS selector subset shop themes need into XPath 1.0: type, `*`, `.class`, `#id`, `[attr]`,
/// `[attr=v]`, `[attr*=v]`, `[attr^=v]`, `[attr$=v]`, descendant and `>` child combinators, and `,` lists.
/// Text starting with `/` or `(` is taken as XPath already.
public enum CSSSelector {
    /// A selector that cannot be compiled, with the offending part.
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public var selector: String
        public var message: String
        public var description: String { "selector \"\(selector)\": \(message)" }
    }

    /// The XPath for a selector.
    public static func xpath(_ selector: String) throws(SyntaxError) -> String {
        let trimmed = selector.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("/") || trimmed.hasPrefix("(") {
            try checkXPath(trimmed, selector: selector)
            return trimmed
        }
        guard !trimmed.isEmpty else { throw SyntaxError(selector: selector, message: "empty selector") }
        var alternatives: [String] = []
        for part in trimmed.split(separator: ",") {
            alternatives.append(try compile(String(part), whole: selector))
        }
        let xpath = alternatives.joined(separator: " | ")
        try checkXPath(xpath, selector: selector)
        return xpath
    }

    /// Compiles an XPath expression with libxml2 (at config load, so a bad selector is a config error, never
    /// a silently empty selection).
    private static func checkXPath(_ xpath: String, selector: String) throws(SyntaxError) {
        omniaudit_xml_silence()
        guard let compiled = xmlXPathCompile(xpath) else {
            throw SyntaxError(selector: selector, message: "not a valid XPath expression")
        }
        xmlXPathFreeCompExpr(compiled)
    }

    private static func compile(_ selector: String, whole: String) throws(SyntaxError) -> String {
        var xpath = ""
        var axis = "//"
        let tokens = selector.replacingOccurrences(of: ">", with: " > ").split(separator: " ")
        guard !tokens.isEmpty else { throw SyntaxError(selector: whole, message: "empty alternative") }
        for token in tokens {
            if token == ">" {
                guard !xpath.isEmpty, axis == "//" else { throw SyntaxError(selector: whole, message: "misplaced '>'") }
                axis = "/"
                continue
            }
            xpath += (xpath.isEmpty ? "//" : axis) + (try compound(String(token), whole: whole))
            axis = "//"
        }
        return xpath
    }

    private static func compound(_ token: String, whole: String) throws(SyntaxError) -> String {
        var index = token.startIndex
        func readName() -> String {
            let start = index
            while index < token.endIndex, token[index].isLetter || token[index].isNumber || token[index] == "-" || token[index] == "_" {
                index = token.index(after: index)
            }
            return String(token[start..<index])
        }
        var element = readName().lowercased()
        if element.isEmpty, index < token.endIndex, token[index] == "*" {
            index = token.index(after: index)
            element = "*"
        }
        var predicates = ""
        while index < token.endIndex {
            let marker = token[index]
            index = token.index(after: index)
            switch marker {
            case ".":
                let name = readName()
                guard !name.isEmpty else { throw SyntaxError(selector: whole, message: "empty class name") }
                predicates += "[contains(concat(' ', normalize-space(@class), ' '), ' \(name) ')]"
            case "#":
                let name = readName()
                guard !name.isEmpty else { throw SyntaxError(selector: whole, message: "empty id") }
                predicates += "[@id='\(name)']"
            case "[":
                guard let close = token[index...].firstIndex(of: "]") else { throw SyntaxError(selector: whole, message: "unclosed '['") }
                predicates += try attribute(String(token[index..<close]), whole: whole)
                index = token.index(after: close)
            default:
                throw SyntaxError(selector: whole, message: "unsupported syntax '\(marker)' (supported: tag, .class, #id, [attr], [attr=value], descendant and > combinators)")
            }
        }
        return (element.isEmpty ? "*" : element) + predicates
    }

    private static func attribute(_ body: String, whole: String) throws(SyntaxError) -> String {
        for (op, template) in [("*=", "[contains(@%a, '%v')]"), ("^=", "[starts-with(@%a, '%v')]"),
                               ("$=", "[substring(@%a, string-length(@%a) - string-length('%v') + 1) = '%v']"),
                               ("=", "[@%a='%v']")] {
            if let range = body.range(of: op) {
                let name = body[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
                let value = body[range.upperBound...].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
                guard !name.isEmpty, !value.contains("'") else { throw SyntaxError(selector: whole, message: "bad attribute test [\(body)]") }
                return template.replacingOccurrences(of: "%a", with: name).replacingOccurrences(of: "%v", with: value)
            }
        }
        let name = body.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw SyntaxError(selector: whole, message: "bad attribute test [\(body)]")
        }
        return "[@\(name)]"
    }
}
