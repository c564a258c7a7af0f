import Foundation

/// Converts microdata items (`itemscope`/`itemtype`/`itemprop`, nested items, `itemref`) into the JSON shape of
/// schema.org JSON-LD, so one mapping reads every syntax. Values come from `content`, `href`, `src`,
/// `datetime`, `value` or the text, as the microdata spec says.
struct MicrodataReader {
    /// Finds the element with an id (for `itemref`).
    let element: (String) -> Node?
    private static let maxDepth = 16

    /// The item rooted at an `itemscope` element.
    func item(_ node: Node, depth: Int = 0) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let type = node.attribute("itemtype") {
            let types = type.split(separator: " ").map { JSONValue.string(String($0)) }
            members.append(("@type", types.count == 1 ? types[0] : .array(types)))
        }
        var properties: [(String, JSONValue)] = []
        var roots = node.elements
        for id in (node.attribute("itemref") ?? "").split(separator: " ") {
            if let referenced = element(String(id)) { roots.append(referenced) }
        }
        for root in roots { collect(root, into: &properties, depth: depth) }
        return MicrodataReader.object(members, properties)
    }

    private func collect(_ node: Node, into properties: inout [(String, JSONValue)], depth: Int) {
        if let names = node.attribute("itemprop") {
            let value: JSONValue = node.has("itemscope") && depth < Self.maxDepth
                ? item(node, depth: depth + 1) : .string(Self.value(of: node))
            for name in names.split(separator: " ") { properties.append((Self.shortName(String(name)), value)) }
            if node.has("itemscope") { return }  // a nested item's properties are its own
        } else if node.has("itemscope") {
            return
        }
        for child in node.elements { collect(child, into: &properties, depth: depth) }
    }

    /// An object of the head members followed by the properties, repeated names grouped into arrays in order.
    static func object(_ head: [(key: String, value: JSONValue)], _ properties: [(String, JSONValue)]) -> JSONValue {
        var members = head
        var order: [String] = []
        var grouped: [String: [JSONValue]] = [:]
        for (name, value) in properties {
            if grouped[name] == nil { order.append(name) }
            grouped[name, default: []].append(value)
        }
        for name in order {
            let values = grouped[name] ?? []
            members.append((name, values.count == 1 ? values[0] : .array(values)))
        }
        return .object(members)
    }

    /// `https://schema.org/price` → `price`.
    static func shortName(_ name: String) -> String {
        name.split(separator: "/").last.map(String.init) ?? name
    }

    static func value(of node: Node) -> String {
        if let content = node.attribute("content") { return content }
        if node.named("a") || node.named("link") || node.named("area") { return node.attribute("href") ?? "" }
        if node.named("img") || node.named("source") || node.named("video") || node.named("audio") || node.named("iframe") {
            return node.attribute("src") ?? ""
        }
        if node.named("time"), let datetime = node.attribute("datetime") { return datetime }
        if node.named("data") || node.named("meter"), let value = node.attribute("value") { return value }
        if node.named("object") { return node.attribute("data") ?? "" }
        return node.collapsedText
    }
}

/// Converts RDFa Lite (`vocab`, `typeof`, `property`, `resource`) into the JSON shape of schema.org JSON-LD.
struct RDFaReader {
    private static let maxDepth = 16

    func item(_ node: Node, depth: Int = 0) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let type = node.attribute("typeof") {
            let types = type.split(separator: " ").map { JSONValue.string(String($0)) }
            members.append(("@type", types.count == 1 ? types[0] : .array(types)))
        }
        if let resource = node.attribute("resource") { members.append(("@id", .string(resource))) }
        var properties: [(String, JSONValue)] = []
        for child in node.elements { collect(child, into: &properties, depth: depth) }
        return MicrodataReader.object(members, properties)
    }

    private func collect(_ node: Node, into properties: inout [(String, JSONValue)], depth: Int) {
        if let names = node.attribute("property") {
            let nested = node.has("typeof") && depth < Self.maxDepth
            let value: JSONValue = nested ? item(node, depth: depth + 1)
                : .string(node.attribute("content") ?? node.attribute("resource") ?? node.attribute("href") ?? node.attribute("src") ?? node.collapsedText)
            for name in names.split(separator: " ") {
                let short = String(name).split(separator: ":").last.map(String.init) ?? String(name)
                properties.append((MicrodataReader.shortName(short), value))
            }
            if nested { return }
        } else if node.has("typeof") {
            return
        }
        for child in node.elements { collect(child, into: &properties, depth: depth) }
    }
}
