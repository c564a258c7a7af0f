import AuditModel

/// Compares one field across the channels of a product and, when they disagree, builds the finding:
/// the expected value is the reference channel's, else the majority's; every channel's value is listed.
struct FieldComparison<Value> {
    /// One channel's value of the field.
    struct Entry {
        var channel: String
        var value: Value
        var display: String
        var evidence: Evidence
    }

    let rule: any Rule
    let field: String
    /// The name of the field in messages ("price", "availability").
    let noun: String
    let same: (Value, Value) -> Bool

    func finding(for entries: [Entry], product: MatchedProduct, context: RuleContext) -> Finding? {
        guard entries.count > 1, Set(entries.map(\.channel)).count > 1 else { return nil }
        let disagree = entries.contains { a in entries.contains { b in !same(a.value, b.value) } }
        guard disagree else { return nil }
        let expected = expectedEntry(entries, reference: context.reference)
        let values = entries.map { entry in
            Finding.ChannelValue(channel: entry.channel, value: entry.display, evidence: entry.evidence,
                                 expected: expected.map { same($0.value, entry.value) } ?? false)
        }
        let message: String
        if let expected {
            let deviating = entries.filter { !same($0.value, expected.value) }
            let basis = expected.channel == context.reference ? "the reference channel \(expected.channel)" : expected.channel
            message = "\(noun.capitalizedFirst) differs: "
                + deviating.map { "\($0.channel) shows \($0.display)" }.joined(separator: ", ")
                + " where \(basis) shows \(expected.display)."
        } else {
            message = "\(noun.capitalizedFirst) differs: "
                + entries.map { "\($0.channel) shows \($0.display)" }.joined(separator: ", ") + "."
        }
        return Finding(rule: rule.id, severity: rule.defaultSeverity, product: product.label, field: field,
                       observations: values, message: message)
    }

    /// The reference channel's entry, else the entry most others agree with (nil on a tie).
    private func expectedEntry(_ entries: [Entry], reference: String?) -> Entry? {
        if let reference, let entry = entries.first(where: { $0.channel == reference }) { return entry }
        let support = entries.map { entry in entries.filter { same($0.value, entry.value) }.count }
        guard let best = support.max(), support.filter({ $0 == best }).count < entries.count else { return nil }
        let winners = entries.indices.filter { support[$0] == best }
        let distinct = winners.filter { index in !winners.contains { $0 < index && same(entries[$0].value, entries[index].value) } }
        return distinct.count == 1 ? entries[distinct[0]] : nil
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
