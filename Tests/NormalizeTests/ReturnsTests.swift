import AuditModel
import Testing

@testable import Normalize

@Suite("Return terms")
struct ReturnsTests {
    @Test("window and free flag", arguments: [
        ("reso gratuito entro 30 giorni", 30, true), ("Free returns within 30 days", 30, true),
        ("Rücksendung innerhalb von 14 Tagen kostenpflichtig", 14, false),
        ("30 Tage kostenlose Rücksendung", 30, true), ("Retour gratuit sous 14 jours", 14, true),
        ("Devolución gratuita en 30 días", 30, true), ("Diritto di recesso: 14 giorni", 14, nil),
        ("Resi entro 60 giorni, spese di reso a carico del cliente", 60, false),
        ("Consegna in 2 giorni, reso entro 14 giorni", 14, nil), ("Returns within 2 weeks", 14, nil),
    ] as [(String, Int?, Bool?)])
    func terms(_ text: String, _ days: Int?, _ free: Bool?) {
        let result = ReturnsParser.parse(text)
        #expect(result.days == days)
        #expect(result.isFree == free)
    }

    @Test("no terms stated")
    func none() { #expect(ReturnsParser.parse("Maglia in cotone") == ReturnTerms()) }
}
