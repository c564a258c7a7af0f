import AuditModel
import Foundation

/// Derives one identity field of a channel's observations from another, for feeds whose ids differ from the
/// web's SKUs: a regular expression with a capture (`^IT-(.*)$`), a constant prefix or suffix removed or added,
/// or a mapping file (`id,sku`). A value the transform does not fit is kept as it is and reported.
public struct KeyTransform: Sendable, Hashable {
    /// How the value is rewritten.
    public enum Rule: Sendable, Hashable {
        /// The regular expression must match the whole value; the template (default `$1`) gives the key.
        case pattern(String, template: String)
        /// A constant prefix removed (values without it do not fit).
        case removePrefix(String)
        /// A constant prefix added.
        case addPrefix(String)
        /// A constant suffix removed (values without it do not fit).
        case removeSuffix(String)
        /// A constant suffix added.
        case addSuffix(String)
        /// From value to key, read from a two-column CSV file.
        case mapping([String: String], file: String)
    }

    /// The field written.
    public var target: IdentityField
    /// The field read (`id` in the config is the sku).
    public var from: IdentityField
    /// The rewriting.
    public var rule: Rule

    /// Creates a transform.
    public init(target: IdentityField, from: IdentityField, rule: Rule) {
        self.target = target
        self.from = from
        self.rule = rule
    }

    /// Applies the transforms in order to every observation; values that do not fit are kept and reported.
    public static func apply(_ transforms: [KeyTransform], to observations: inout [Observation]) -> [Problem] {
        var applier = Applier(transforms)
        for index in observations.indices { applier.apply(to: &observations[index]) }
        return applier.problems
    }

    /// Applies transforms one observation at a time (a feed streamed to disk), reporting as `apply` would.
    struct Applier {
        private let transforms: [(KeyTransform, NSRegularExpression?)]
        private var reported: [[Problem]]

        init(_ transforms: [KeyTransform]) {
            self.transforms = transforms.map { transform in
                if case .pattern(let pattern, _) = transform.rule { return (transform, try? NSRegularExpression(pattern: pattern)) }
                return (transform, nil)
            }
            reported = transforms.map { _ in [] }
        }

        /// The problems so far, transform by transform, each in observation order.
        var problems: [Problem] { reported.flatMap { $0 } }

        /// True when there is nothing to apply.
        var isEmpty: Bool { transforms.isEmpty }

        mutating func apply(to observation: inout Observation) {
            for (position, (transform, regex)) in transforms.enumerated() {
                guard let value = observation.key.value(of: transform.from) else { continue }
                if let key = transform.rewrite(value, regex: regex) {
                    observation.key.set(transform.target, to: key)
                } else {
                    reported[position].append(Problem(
                        source: observation.origin?.source ?? "", position: observation.origin?.locator ?? "",
                        message: "\(transform.from.rawValue) \"\(value)\" does not fit keys.\(transform.target.rawValue) (\(transform.describe)): kept as it is"))
                }
            }
        }
    }

    /// The key for a value, nil when the rule does not fit it.
    func rewrite(_ value: String, regex: NSRegularExpression?) -> String? {
        switch rule {
        case .pattern(_, let template):
            guard let regex else { return nil }
            let range = NSRange(value.startIndex..., in: value)
            guard let match = regex.firstMatch(in: value, range: range), match.range == range else { return nil }
            let key = regex.replacementString(for: match, in: value, offset: 0, template: template)
            return key.isEmpty ? nil : key
        case .removePrefix(let prefix): return value.hasPrefix(prefix) ? String(value.dropFirst(prefix.count)) : nil
        case .addPrefix(let prefix): return prefix + value
        case .removeSuffix(let suffix): return value.hasSuffix(suffix) ? String(value.dropLast(suffix.count)) : nil
        case .addSuffix(let suffix): return value + suffix
        case .mapping(let table, _): return table[value]
        }
    }

    /// The rule as the config writes it.
    var describe: String {
        switch rule {
        case .pattern(let pattern, let template): "pattern \"\(pattern)\" → \"\(template)\""
        case .removePrefix(let text): "remove-prefix \"\(text)\""
        case .addPrefix(let text): "add-prefix \"\(text)\""
        case .removeSuffix(let text): "remove-suffix \"\(text)\""
        case .addSuffix(let text): "add-suffix \"\(text)\""
        case .mapping(_, let file): "not in the mapping \(file)"
        }
    }
}

extension ProductKey {
    /// Sets one identity field.
    mutating func set(_ field: IdentityField, to value: String) {
        switch field {
        case .sku: sku = value
        case .gtin: gtin = value
        case .mpn: mpn = value
        case .url: url = value
        }
    }
}
