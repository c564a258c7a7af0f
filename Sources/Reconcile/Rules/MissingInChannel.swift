import AuditModel

/// A product listed by some channels is absent from a channel expected to list the whole catalogue.
public struct MissingInChannel: Rule {
    public init() {}
    public let id = "missing-in-channel"
    public let title = "Product missing from a channel"
    public let rationale = """
        A product the app sells but the web shop does not list (or the other way round) is lost revenue or a \
        stale listing. Only channels configured as full catalogues are checked (`catalog: full`, the default \
        for web and feed channels); a channel that could not be read, or whose page for the product failed, \
        reports `unverifiable` instead, and a feed read only part way (it breaks or is cut short) is not checked: \
        the audit is incomplete instead.
        """
    public let defaultSeverity = Severity.warning

    public func check(_ product: MatchedProduct, context: RuleContext) -> [Finding] {
        let present = product.channels
        let missing = context.channels.filter { channel in
            context.fullCatalogChannels.contains(channel) && !present.contains(channel)
                && !context.unreadableChannels.contains(channel)
                && !(product.observations.contains { observation in
                    observation.key.url.map { context.failedInputs[channel]?.contains($0) ?? false } ?? false
                })
        }
        guard !missing.isEmpty, !present.isEmpty else { return [] }
        let shown = context.channels.filter(present.contains)
        return missing.map { channel in
            var values = shown.compactMap { name in
                product.observations.first { $0.channel == name }.map {
                    Finding.ChannelValue(channel: name, value: "listed", evidence: $0.origin, expected: true)
                }
            }
            values.append(Finding.ChannelValue(channel: channel, value: nil, evidence: nil, expected: false))
            return Finding(rule: id, severity: defaultSeverity, product: product.id, field: "presence",
                           observations: values,
                           message: "Listed in \(shown.joined(separator: ", ")) but missing from \(channel).")
        }
    }

    public var examples: [RuleExample] {
        [
            RuleExample("in the app feed, not on the web", triggers: true, finding: .init(field: "presence", expected: ["app"], message: "Listed in app but missing from web."), [
                .example("app"), .example("web", sku: "EX-2"), .example("app", sku: "EX-2"),
            ]),
            RuleExample("in both channels", triggers: false, [.example("web"), .example("app")]),
        ]
    }
}
