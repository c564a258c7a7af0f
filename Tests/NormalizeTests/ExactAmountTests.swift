import AuditModel
import Foundation
import PropertyBased
import Testing

@testable import Normalize

@Suite("ExactAmount")
struct ExactAmountTests {
    @Test("text matches Money.format for the same value")
    func matchesMoneyFormat() async {
        await propertyCheck(input: Gen.int(in: 0...2_000_000_000), Gen.int(in: 0...5)) { mantissa, scale in
            let exact = ExactAmount(mantissa: UInt64(mantissa), scale: scale)
            #expect(exact.text == Money.format(exact.decimal))
        }
    }

    @Test("every mantissa and scale, negative scales included, prints as Money.format does")
    func wholeRange() async {
        await propertyCheck(input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: -3...30)) { mantissa, scale in
            let exact = ExactAmount(mantissa: mantissa, scale: scale)
            #expect(exact.text == Money.format(exact.decimal))
        }
    }
}
