/// Reads a store pick-up (click & collect) statement: "Ritiro in negozio disponibile", "Click & collect",
/// "Pick up in store: not available", "Abholung im Geschäft", "Retrait en magasin", "Recogida en tienda".
public enum PickupParser {
    static let phrases = [
        "ritiro in negozio", "ritira in negozio", "ritiro gratuito in negozio", "click & collect", "click and collect",
        "click&collect", "pick up in store", "pickup in store", "pick-up in store", "in-store pickup", "store pickup",
        "collect in store", "abholung im", "im geschäft abholen", "im markt abholen", "retrait en magasin",
        "retrait gratuit en magasin", "recogida en tienda", "recoger en tienda", "levantamento em loja",
    ]
    static let negations = [
        "non disponibile", "non è disponibile", "non previsto", "not available", "unavailable", "nicht verfügbar",
        "nicht möglich", "indisponible", "non disponible", "no disponible", "não disponível",
    ]

    private static let asciiPhrases = phrases.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }
    private static let asciiNegations = negations.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map { Array($0.utf8) }

    /// True when the text offers store pick-up, false when it says pick-up is not available, nil when it does
    /// not mention pick-up at all.
    public static func parse(_ text: String) -> Bool? {
        let lower = text.lowercased()
        // ASCII text (most lines): Foundation's search equals a byte search for the ASCII phrases, and no other
        // phrase can match (none holds a character whose canonical form is ASCII, such as U+212A).
        let bytes = Array(lower.utf8)
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard asciiPhrases.contains(where: { ByteSearch.contains(bytes, $0) }) else { return nil }
            return !asciiNegations.contains(where: { ByteSearch.contains(bytes, $0) })
        }
        // Other text: the ASCII phrases by bytes, Foundation's canonical search only for the others ("geschäft"
        // may be written decomposed).
        func mentions(_ ascii: [[UInt8]], _ all: [String]) -> Bool {
            ascii.contains(where: { ByteSearch.contains(bytes, $0) })
                || all.contains(where: { !$0.utf8.allSatisfy { $0 < 0x80 } && lower.contains($0) })
        }
        guard mentions(asciiPhrases, phrases) else { return nil }
        return !mentions(asciiNegations, negations)
    }
}
