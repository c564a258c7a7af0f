/// A small path language for JSON feeds: `data.products[]` (every element of an array), `pricing.sale`,
/// `images[0].url`. Segments are separated by dots; `[]` iterates, `[N]` indexes.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
    enum Step: Hashable, Sendable {
        case member(String)
        case index(Int)
        case each
    }

    let steps: [Step]
    public let description: String

    /// Parses a path; nil when it is malformed (empty segment, bad index).
    public init?(_ text: String) {
        description = text
        var steps: [Step] = []
        for segment in text.split(separator: ".", omittingEmptySubsequences: false) where !(text.isEmpty) {
            var name = Substring(segment)
            var suffixes: [Step] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                let inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
                if inner.isEmpty {
                    suffixes.insert(.each, at: 0)
                } else if let number = Int(inner), number >= 0 {
                    suffixes.insert(.index(number), at: 0)
                } else {
                    return nil
                }
                name = name[..<open]
            }
            if name.isEmpty && suffixes.isEmpty { return nil }
            if !name.isEmpty { steps.append(.member(String(name))) }
            steps += suffixes
        }
        self.steps = steps
    }

    /// The path through the members `names` to every element of the array there (`data.products[]`).
    init(eachIn names: [String]) {
        steps = names.map(Step.member) + [.each]
        description = names.joined(separator: ".") + "[]"
    }

    /// Every value the path selects, with its concrete locator (`data.products[3]`).
    public func select(in root: JSONValue, rootLocator: String = "") -> [(value: JSONValue, locator: String)] {
        var current: [(value: JSONValue, locator: String)] = [(root, rootLocator)]
        for step in steps {
            var next: [(value: JSONValue, locator: String)] = []
            for (value, locator) in current {
                switch step {
                case .member(let name):
                    if let child = value[name] { next.append((child, locator.isEmpty ? name : "\(locator).\(name)")) }
                case .index(let index):
                    if case .array(let values) = value, index < values.count {
                        next.append((values[index], "\(locator)[\(index)]"))
                    }
                case .each:
                    if case .array(let values) = value {
                        for (index, element) in values.enumerated() { next.append((element, "\(locator)[\(index)]")) }
                    }
                }
            }
            current = next
        }
        return current
    }
}
