import AuditModel

/// One channel shows a product with different values in different places (two pages, two feed items).
public struct ChannelInternalConflict: Rule {
    public init() {}
    public let id = "channel-internal-conflict"
    public let title = "A channel disagrees with itself"
    public let rationale = """
        Two pages of the web shop (a duplicate URL, an old category page) or two items of one feed show the same \
        product at different prices or availability: some customers see one, some the other. Every location is \
        listed. The channel still takes part in cross-channel comparisons with the value most of its places show, \
        and with none on a tie, so it can never outvote other channels by repetition.
        """
    public let defaultSeverity = Severity.error

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let prices = context.settings(for: PriceMismatch().id)
        var findings: [Finding] = []
        for channel in context.channels + product.channels.subtracting(context.channels).sorted() {
            let own = product.observations.filter { $0.channel == channel }
            guard own.count > 1 else { continue }
            findings += conflict(own, field: "price", noun: "price", product: product, same: prices.same) { observation in
                observation.price.map { ($0.value, $0.value.description, $0.evidence) }
            }
            findings += conflict(own, field: "availability", noun: "availability", product: product, same: { $0.buyability == $1.buyability }) { observation in
                observation.availability.flatMap { $0.value == .unknown ? nil : ($0.value, $0.value.rawValue, $0.evidence) }
            }
        }
        return findings
    }

    private func conflict<Value>(_ observations: [Observation], field: String, noun: String, product: MatchedProduct,
                                 same: (Value, Value) -> Bool,
                                 value: (Observation) -> (Value, String, Evidence)?) -> [Finding] {
        let stated = observations.compactMap(value)
        guard let first = stated.first, stated.contains(where: { !same(first.0, $0.0) }), let channel = observations.first?.channel
        else { return [] }
        let values = stated.map { Finding.ChannelValue(channel: channel, value: $0.1, evidence: $0.2, expected: false) }
        let places = stated.map { "\($0.1) at \($0.2.source)" }
        return [Finding(rule: id, severity: defaultSeverity, product: product.id, field: field, observations: values,
                        message: "\(channel) shows different \(noun) values for the same product: \(places.joined(separator: "; ")).")]
    }

    public var examples: [RuleExample] {
        [
            RuleExample("two web pages for one SKU at 100.00 and 120.00", triggers: true, finding: .init(
                field: "price", expected: [],
                message: "web shows different price values for the same product: 100.00 EUR at https://s/a; 120.00 EUR at https://s/b."), [
                .example("web", price: "100.00", page: "https://s/a"), .example("web", price: "120.00", page: "https://s/b"),
            ]),
            RuleExample("two pages agree", triggers: false, [
                .example("web", price: "100.00", page: "https://s/a"), .example("web", price: "100.0", page: "https://s/b"),
                .example("app", price: "120.00"),
            ]),
        ]
    }
}
