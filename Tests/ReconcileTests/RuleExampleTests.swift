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
        #expect(!findings.isEmpty == example.triggers, "\(id): \(example.summary)")
        #expect(findings.allSatisfy { $0.rule == id })
    }

    @Test func everyRuleDescribesItself() {
        #expect(Set(RuleRegistry.ids).count == RuleRegistry.all.count)
        for rule in RuleRegistry.all {
            #expect(!rule.title.isEmpty && rule.rationale.count > 60, "\(rule.id)")
            if rule.id != "unverifiable" {
                #expect(rule.examples.contains { $0.triggers } && rule.examples.contains { !$0.triggers }, "\(rule.id)")
            }
        }
    }
}
