import AuditModel

/// Compares one field across the channels of a product. Each channel first collapses to one value (a channel
/// that disagrees with itself is `channel-internal-conflict`'s business: it votes with the value most of its
/// observations show, or not at all on a tie). The expected value is the reference channel's, else the value
/// the most channels agree with within tolerance; channels within tolerance of the expected value are never
/// reported. Without a reference or a majority, every value is listed and none is blamed.
struct FieldComparison<Value> {
    /// One observation's value of the field.
    struct Entry {
        var channel: String
        var value: Value
        var evidence: Evidence
    }

    let rule: any Rule
    let field: String
    /// The name of the field in messages ("price", "availability").
    let noun: String
    /// True when a value is the same as an expected one (the first argument) within the rule's tolerance.
    let same: (Value, Value) -> Bool
    /// How a value reads in reports (`49.90 EUR`); called only for findings.
    let describe: (Value) -> String
    /// How far a value is from the expected one, for messages (`+2.00 EUR, +20.0 %`); nil when it has no size.
    var delta: ((_ value: Value, _ expected: Value) -> String)? = nil
    /// Orders values, to break a tie between equally supported values by the median; nil when they have no order.
    var less: ((Value, Value) -> Bool)? = nil

    func finding(for entries: [Entry], product: MatchedProduct, context: RuleContext) -> Finding? {
        let votes = Self.collapse(entries, channels: context.channels, same: same)
        guard votes.count > 1 else { return nil }
        // The common case first: every channel agrees with the reference, or all agree with one another.
        if let reference = context.reference, let anchor = votes.first(where: { $0.channel == reference }) {
            if votes.allSatisfy({ same(anchor.value, $0.value) }) { return nil }
        } else if votes.allSatisfy({ same(votes[0].value, $0.value) && same($0.value, votes[0].value) }) {
            return nil
        }
        let expected = expectedVote(votes, reference: context.reference)
        if let expected {
            guard votes.contains(where: { !same(expected.value, $0.value) }) else { return nil }
        } else {
            guard votes.contains(where: { a in votes.contains { !same(a.value, $0.value) } }) else { return nil }
        }
        let values = entries.map { entry in
            Finding.ChannelValue(channel: entry.channel, value: describe(entry.value), evidence: entry.evidence,
                                 expected: expected.map { same($0.value, entry.value) } ?? false)
        }
        return Finding(rule: rule.id, severity: rule.defaultSeverity, product: product.id, field: field,
                       observations: values, message: message(votes, expected: expected, reference: context.reference))
    }

    private func message(_ votes: [Vote], expected: Vote?, reference: String?) -> String {
        let title = noun.capitalizedFirst
        guard let expected else {
            let shown = votes.map { "\($0.channel) shows \(describe($0.value))" }.joined(separator: ", ")
            if votes.count == 2 {  // two channels: neither is blamed; the difference is stated
                return "\(title) differs: \(shown)" + (delta.map { " (\($0(votes[1].value, votes[0].value)))" } ?? "") + "."
            }
            return "\(title) differs with no majority: \(shown)"
                + (reference == nil ? "; name a reference channel to decide which is right." : ".")
        }
        let deviating = votes.filter { !same(expected.value, $0.value) }
        let agreeing = votes.filter { same(expected.value, $0.value) }.map(\.channel)
        let basis = expected.channel == reference
            ? "the reference channel \(expected.channel) shows"
            : agreeing.count == 1 ? "\(agreeing[0]) shows" : "\(Self.list(agreeing)) show"
        return "\(title) differs: "
            + deviating.map { vote in
                "\(vote.channel) shows \(describe(vote.value))" + (delta.map { " (\($0(vote.value, expected.value)))" } ?? "")
            }.joined(separator: ", ")
            + " where \(basis) \(describe(expected.value))."
    }

    /// The reference channel's vote, else the one the most channels agree with; on a tie between different
    /// groups, the one nearest the median when values are ordered; nil when still undecided.
    private func expectedVote(_ votes: [Vote], reference: String?) -> Vote? {
        if let reference, let vote = votes.first(where: { $0.channel == reference }) { return vote }
        let support = votes.map { vote in votes.filter { same(vote.value, $0.value) }.count }
        guard let best = support.max(), best > 1 else { return nil }
        let winners = votes.indices.filter { support[$0] == best }
        let groups = winners.map { winner in Set(votes.indices.filter { same(votes[winner].value, votes[$0].value) }) }
        if Set(groups).count == 1 { return centre(winners.map { votes[$0] }) ?? votes[winners[0]] }
        return centre(winners.map { votes[$0] })
    }

    /// Of equally supported votes, the single one at the median position; nil when values have no order or two
    /// are equally central.
    private func centre(_ votes: [Vote]) -> Vote? {
        guard let less, votes.count > 1 else { return votes.first }
        let sorted = votes.sorted { less($0.value, $1.value) }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : nil
    }

    static func list(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}

extension FieldComparison {
    /// One channel's value of the field, after its observations were collapsed to one.
    struct Vote {
        var channel: String
        var entry: Entry
        var value: Value { entry.value }
    }

    /// One vote per channel (configured order first): the value most of the channel's observations show; a
    /// channel whose values tie is left out (it disagrees with itself, and another rule reports that).
    static func collapse(_ entries: [Entry], channels: [String], same: (Value, Value) -> Bool) -> [Vote] {
        var names = channels.filter { name in entries.contains { $0.channel == name } }
        for entry in entries where !names.contains(entry.channel) { names.append(entry.channel) }
        return names.compactMap { name in
            let own = entries.filter { $0.channel == name }
            let support = own.map { entry in own.filter { same($0.value, entry.value) }.count }
            guard let best = support.max() else { return nil }
            let winners = own.indices.filter { support[$0] == best }
            guard winners.allSatisfy({ same(own[$0].value, own[winners[0]].value) }) else { return nil }
            return Vote(channel: name, entry: own[winners[0]])
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
