import AuditModel

/// A product page offers store pick-up (click & collect) while no store has the product in stock.
public struct ClickAndCollectMismatch: Rule {
    public init() {}
    public let id = "click-and-collect-mismatch"
    public let title = "Store pick-up offered without store stock"
    public let rationale = """
        "Ritiro in negozio disponibile" on the product page sends the customer to a store whose shelf is empty: \
        the order is cancelled or the trip is wasted. Compared with the store channels (`kind: store`, one \
        channel per store such as `stores@MI01`): when the page offers pick-up and every store that lists the \
        product has it out of stock, the page is wrong. Stores that do not list the product are not counted.
        """
    public let defaultSeverity = Severity.error

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let stores = product.observations.filter { context.isStore($0.channel) }
        guard !stores.isEmpty else { return [] }
        let stocked = stores.contains { store in
            if let count = store.stockCount?.value { return count > 0 }
            return store.availability.map { $0.value.buyability == .buyable } ?? true
        }
        guard !stocked else { return [] }
        var seen: Set<String> = []
        return product.observations.compactMap { observation -> Finding? in
            guard let pickup = observation.pickup, pickup.value, seen.insert(observation.channel).inserted else { return nil }
            let shown = stores.map { store in
                Finding.ChannelValue(channel: store.channel,
                                     value: store.stockCount.map { "\($0.value) in stock" } ?? store.availability?.value.rawValue,
                                     evidence: store.stockCount?.evidence ?? store.availability?.evidence ?? store.origin,
                                     expected: true)
            }
            return Finding(
                rule: id, severity: defaultSeverity, product: product.id, field: "pickup", page: observation.origin?.source,
                observations: [.init(channel: observation.channel, value: "store pick-up offered", evidence: pickup.evidence,
                                     expected: false)] + shown,
                message: "\(observation.channel) offers store pick-up, but no store has it in stock ("
                    + stores.map(\.channel).joined(separator: ", ") + ").")
        }
    }

    public var examples: [RuleExample] {
        func page(pickup: Bool) -> Observation {
            var observation = Observation.example("web", price: "29.90")
            observation.pickup = Observed(pickup, Evidence(source: "example:web", locator: "aside li", raw: "Ritiro in negozio disponibile"))
            return observation
        }
        return [
            RuleExample("pick-up offered; both stores at 0", triggers: true, finding: .init(
                field: "pickup", expected: ["stores@MI01", "stores@RM02"],
                message: "web offers store pick-up, but no store has it in stock (stores@MI01, stores@RM02)."),
                        [page(pickup: true), .example("stores@MI01", stock: 0), .example("stores@RM02", stock: 0)]),
            RuleExample("pick-up offered; one store has 2", triggers: false,
                        [page(pickup: true), .example("stores@MI01", stock: 0), .example("stores@RM02", stock: 2)]),
            RuleExample("the page says pick-up is not available", triggers: false,
                        [page(pickup: false), .example("stores@MI01", stock: 0)]),
        ]
    }
}
