import Foundation
import Yams

/// A YAML node with its file and position, and typed accessors that fail with a `ConfigError` at the node.
struct ConfigNode {
    let node: Node
    let file: String
    /// The dotted path of the node, for messages (`channels.app.fields`).
    let path: String

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    func error(_ message: String, hint: String? = nil) -> ConfigError {
        ConfigError(file: file, line: line, column: column, message: message, hint: hint)
    }

    private var kindName: String {
        switch node {
        case .scalar: "a value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The members of a mapping, in file order; unknown keys are an error with a suggestion.
    func mapping(allowed: [String]) throws(ConfigError) -> [(key: String, value: ConfigNode)] {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping, found \(kindName)") }
        var members: [(key: String, value: ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let keyConfig = ConfigNode(node: keyNode, file: file, path: path)
            if !allowed.isEmpty && !allowed.contains(key) {
                let hint = Suggest.closest(to: key, in: allowed).map { "did you mean '\($0)'? " } ?? ""
                throw keyConfig.error("unknown key '\(key)' in \(path.isEmpty ? "the top level" : path)",
                                      hint: hint + "allowed: \(allowed.joined(separator: ", "))")
            }
            if members.contains(where: { $0.key == key }) { throw keyConfig.error("duplicate key '\(key)' in \(path)") }
            members.append((key, ConfigNode(node: valueNode, file: file, path: path.isEmpty ? key : "\(path).\(key)")))
        }
        return members
    }

    /// A scalar as a string.
    func string() throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else { throw error("\(path) must be a text value, found \(kindName)") }
        return scalar.string
    }

    /// One of a fixed set of words.
    func word(_ choices: [String]) throws(ConfigError) -> String {
        let value = try string()
        guard choices.contains(value) else {
            let hint = Suggest.closest(to: value, in: choices).map { "did you mean '\($0)'? " } ?? ""
            throw error("\(path) must be one of \(choices.joined(separator: ", ")), found '\(value)'", hint: hint.isEmpty ? nil : hint)
        }
        return value
    }

    /// A list of strings; a single string is accepted as a one-element list.
    func strings() throws(ConfigError) -> [String] {
        if case .scalar = node { return [try string()] }
        guard case .sequence(let sequence) = node else { throw error("\(path) must be a list, found \(kindName)") }
        var values: [String] = []
        for (index, element) in sequence.enumerated() {
            values.append(try ConfigNode(node: element, file: file, path: "\(path)[\(index)]").string())
        }
        return values
    }

    /// The elements of a list.
    func elements() throws(ConfigError) -> [ConfigNode] {
        guard case .sequence(let sequence) = node else { throw error("\(path) must be a list, found \(kindName)") }
        return sequence.enumerated().map { ConfigNode(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A number.
    func number() throws(ConfigError) -> Double {
        guard let value = Double(try string()), value.isFinite else {
            throw error("\(path) must be a number, found '\(try string())'")
        }
        return value
    }

    /// A number within a range (every numeric key has one, so no value can overflow later).
    func number(in range: ClosedRange<Double>, unit: String = "") throws(ConfigError) -> Double {
        let value = try number()
        guard range.contains(value) else {
            throw error("\(path) must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound))\(unit), found '\(try string())'")
        }
        return value
    }

    /// A whole number within a range.
    func integer(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        let text = try string()
        guard let value = Int(text), range.contains(value) else {
            throw error("\(path) must be a whole number from \(range.lowerBound) to \(range.upperBound), found '\(text)'")
        }
        return value
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// An integer.
    func integer() throws(ConfigError) -> Int {
        guard let value = Int(try string()) else { throw error("\(path) must be a whole number, found '\(try string())'") }
        return value
    }
}

/// "Did you mean …?" by edit distance.
enum Suggest {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
