import AuditModel
import Foundation

/// Loads a channel's `keys:` section: `{ sku: { from: id, pattern: "^IT-(.*)$" } }`, with `replace`,
/// `remove-prefix`, `add-prefix`, `remove-suffix`, `add-suffix` or `mapping: ids.csv` instead of `pattern`.
enum KeyTransformLoader {
    static let ruleKeys = ["pattern", "remove-prefix", "add-prefix", "remove-suffix", "add-suffix", "mapping"]

    static func transforms(_ node: ConfigNode, resolver: PathResolver) throws(ConfigError) -> [KeyTransform] {
        var transforms: [KeyTransform] = []
        let fields = IdentityField.allCases.map(\.rawValue)
        for (name, spec) in try node.mapping(allowed: fields) {
            guard let target = IdentityField(rawValue: name) else { continue }
            var from = target
            var rule: KeyTransform.Rule?
            var template = "$1"
            for (key, value) in try spec.mapping(allowed: ["from", "replace"] + ruleKeys) {
                if rule != nil, ruleKeys.contains(key) { throw value.error("keys.\(name) takes one of \(ruleKeys.joined(separator: ", "))") }
                switch key {
                case "from":
                    let word = try value.word(["id"] + fields)
                    from = IdentityField(rawValue: word == "id" ? "sku" : word) ?? target
                case "replace": template = try value.string()
                case "pattern":
                    let pattern = try value.string()
                    guard let regex = try? NSRegularExpression(pattern: pattern) else {
                        throw value.error("keys.\(name).pattern is not a valid regular expression")
                    }
                    if regex.numberOfCaptureGroups == 0 && template == "$1" {
                        throw value.error("keys.\(name).pattern needs a capture group", hint: "e.g. \"^IT-(.*)$\"")
                    }
                    rule = .pattern(pattern, template: template)
                case "remove-prefix": rule = .removePrefix(try value.string())
                case "add-prefix": rule = .addPrefix(try value.string())
                case "remove-suffix": rule = .removeSuffix(try value.string())
                case "add-suffix": rule = .addSuffix(try value.string())
                default: rule = .mapping(try mapping(value, resolver: resolver), file: try value.string())
                }
            }
            if case .pattern(let pattern, _) = rule { rule = .pattern(pattern, template: template) }
            guard let rule else { throw spec.error("keys.\(name) needs a rule", hint: ruleKeys.joined(separator: ", ")) }
            transforms.append(KeyTransform(target: target, from: from, rule: rule))
        }
        return transforms
    }

    /// A two-column CSV (a header line, then `feed id,key` rows).
    private static func mapping(_ node: ConfigNode, resolver: PathResolver) throws(ConfigError) -> [String: String] {
        let path = try resolver.existing(try node.string(), at: node)
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw node.error("cannot read \(path)") }
        var table: [String: String] = [:]
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() where index > 0 {
            let cells = line.split(separator: line.contains("\t") ? "\t" : ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
            guard cells.count >= 2, !cells[0].isEmpty, !cells[1].isEmpty else {
                throw node.error("\(path):\(index + 1): a mapping row needs two values (feed id, key)")
            }
            table[cells[0]] = cells[1]
        }
        return table
    }
}
