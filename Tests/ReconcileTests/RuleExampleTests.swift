import AuditModel
import Reconcile
import Testing

/// Every rule's documented examples are tests: the ones that must trigger do, the others do not.
@Suite struct RuleExampleTests {
    static let cases: [(rule: String, index: Int)] = RuleRegistry.all.flatMap { rule in
        rule.examples.indices.map { (rule.id, $0) }
    }

    @Test(arguments: cases)
    func exampleBehavesAsDocumented(rule id: String, index: Int) throws {
        let rule = try #require(RuleRegistry.rule(id: id))
        let example = rule.examples[index]
        let products = Matcher(fields: [.sku, .gtin, .url]).match(example.observations)
        let findings = products.flatMap { rule.check($0, context: example.context) }
            + rule.checkMessages(example.messages, context: example.context)
        #expect(!findings.isEmpty == example.triggers, "\(id): \(example.summary)")
        #expect(findings.allSatisfy { $0.rule == id && $0.severity == rule.defaultSeverity })
        if let expected = example.finding {
            #expect(findings.count == 1, "\(id): \(example.summary)")
            let finding = try #require(findings.first)
            #expect(finding.field == expected.field, "\(id): \(example.summary)")
            #expect(finding.observations.filter(\.expected).map(\.channel) == expected.expected, "\(id): \(example.summary)")
            #expect(finding.message == expected.message, "\(id): \(example.summary)")
        }
    }

    /// Every triggering example of a product rule states the finding it must produce.
    @Test func triggeringExamplesStateTheirFinding() {
        for rule in RuleRegistry.all {
            for example in rule.examples where example.triggers {
                #expect(example.finding != nil, "\(rule.id): \(example.summary)")
            }
        }
    }

    @Test func everyRuleDescribesItself() {
        #expect(Set(RuleRegistry.ids).count == RuleRegistry.all.count)
        for rule in RuleRegistry.all {
            #expect(!rule.title.isEmpty && rule.rationale.count > 60, "\(rule.id)")
            if !["unverifiable", "stale-suppression"].contains(rule.id) {
                #expect(rule.examples.contains { $0.triggers } && rule.examples.contains { !$0.triggers }, "\(rule.id)")
            }
        }
    }
}
