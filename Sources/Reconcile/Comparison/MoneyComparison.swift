import AuditModel
import Foundation

extension RuleSettings {
    /// True when `value` equals `expected` within the tolerances: the absolute one, or the relative one as a
    /// fraction of the expected amount. Different currencies are never the same.
    public func same(_ expected: Money, _ value: Money) -> Bool {
        guard expected.currency == value.currency else { return false }
        let difference = abs(value.amount - expected.amount)
        return difference <= absoluteTolerance || difference <= abs(expected.amount) * relativeTolerance
    }
}

/// Message parts for money differences.
enum MoneyDelta {
    /// `+2.00 EUR, +20.0 %` from the expected amount to the value.
    static func text(_ value: Money, from expected: Money) -> String {
        let difference = value.amount - expected.amount
        let sign = difference < 0 ? "−" : "+"
        let absolute = Money(amount: abs(difference), currency: value.currency).description
        guard expected.amount != 0 else { return "\(sign)\(absolute)" }
        let percent = NSDecimalNumber(decimal: abs(difference) / abs(expected.amount) * 100).doubleValue
        return "\(sign)\(absolute), \(sign)\(String(format: "%.1f", percent)) %"
    }

    /// A comparison of money in one currency for a rule, with tolerance, deltas and median tie-break.
    static func comparison(rule: any Rule, field: String, noun: String, settings: RuleSettings) -> FieldComparison<Money> {
        FieldComparison<Money>(rule: rule, field: field, noun: noun, same: settings.same, describe: \.description,
                               delta: { text($0, from: $1) }, less: { $0.amount < $1.amount })
    }

    /// The findings of a money rule: one comparison per currency of the field's observed values.
    static func findings(rule: any Rule, field: String, noun: String, of value: KeyPath<Observation, Observed<Money>?>,
                         product: MatchedProduct, context: RuleContext) -> [Finding] {
        let comparison = comparison(rule: rule, field: field, noun: noun, settings: context.settings(for: rule.id))
        let entries = product.observations.compactMap { observation in
            observation[keyPath: value].map {
                FieldComparison<Money>.Entry(channel: observation.channel, value: $0.value, evidence: $0.evidence)
            }
        }
        return byCurrency(entries).compactMap { comparison.finding(for: $0, product: product, context: context) }
    }

    /// Observed money values grouped by currency, in order of first appearance.
    static func byCurrency(_ entries: [FieldComparison<Money>.Entry]) -> [[FieldComparison<Money>.Entry]] {
        var order: [String] = []
        var groups: [String: [FieldComparison<Money>.Entry]] = [:]
        for entry in entries {
            if groups[entry.value.currency] == nil { order.append(entry.value.currency) }
            groups[entry.value.currency, default: []].append(entry)
        }
        return order.compactMap { groups[$0] }
    }
}
