import Normalize
import Testing

@Suite struct PickupTests {
    @Test(arguments: [
        ("Ritiro in negozio disponibile", true), ("Click & Collect: ritira gratis in 2 ore", true),
        ("Pick up in store: not available", false), ("Retrait en magasin indisponible", false),
        ("Abholung im Geschäft möglich", true), ("Recogida en tienda no disponible", false),
        ("Spedizione gratuita sopra i 49 €", nil),
    ] as [(String, Bool?)])
    func readsPickupStatements(text: String, expected: Bool?) {
        #expect(PickupParser.parse(text) == expected, "\(text)")
    }
}
