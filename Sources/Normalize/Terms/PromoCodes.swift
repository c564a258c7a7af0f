/// Finds a promo code: the code-shaped word (letters and digits, at least one letter, 3–24 characters, mostly
/// upper-case) right after a code word ("codice", "code", "coupon", "Gutscheincode", "código"), skipping fillers
/// ("sconto", "promo", "il", ":"). A code word after "ordine", "order", "tracking" … does not count.
enum PromoCodes {
    static let codeWords: Set<String> = [
        "codice", "code", "coupon", "couponcode", "promocode", "gutscheincode", "rabattcode", "gutschein",
        "aktionscode", "codigo", "código", "cupon", "cupón", "voucher", "promo-code", "discount-code", "kod",
    ]
    static let fillers: Set<String> = [
        "sconto", "promo", "promozionale", "il", "the", "a", "de", "di", "del", "la", "le", "your", "our", "this",
        "rabatt", "descuento", "promocional", "discount", "coupon", "code", "codice", "is", "e", "ist", "est", "es",
        "mit", "dem", "avec", "le", "con", "with", "use", "usa", "utilizza", "inserisci", "enter",
    ]
    static let blockers: Set<String> = [
        "ordine", "order", "bestell", "bestellung", "bestellnummer", "commande", "pedido", "tracking",
        "tracciamento", "spedizione", "sendung", "sendungsnummer", "suivi", "seguimiento", "postale", "fiscale",
        "cliente", "customer", "kunden", "articolo", "article", "product", "prodotto", "sku", "iban", "cap", "zip",
        "postal", "verification", "verifica", "conferma", "confirmation", "otp", "sicurezza", "security",
    ]

    /// Every code word contains one of these (ASCII letters lower-cased): a text without any has no code, and is
    /// not split into words at all.
    static let codeWordStems: [[UInt8]] = ["cod", "cód", "coupon", "voucher", "gutschein", "kod", "cupon", "cupón"]
        .map { Array($0.utf8) }

    static func mayHoldCodeWord(_ text: String) -> Bool {
        let bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        return codeWordStems.contains { stem in
            guard bytes.count >= stem.count else { return false }
            return (0...(bytes.count - stem.count)).contains { start in
                bytes[start] == stem[0] && bytes[start..<(start + stem.count)].elementsEqual(stem)
            }
        }
    }

    static func find(in text: String) -> String? {
        guard mayHoldCodeWord(text) else { return nil }
        let words = text.split(whereSeparator: { " \t\n\r\u{00A0}:;,.!?()[]{}«»\"“”'‘’*".contains($0) })
        for (index, word) in words.enumerated() where codeWords.contains(word.lowercased()) {
            let previous = words[max(0, index - 2)..<index].map { $0.lowercased() }
            if previous.contains(where: blockers.contains) { continue }
            var next = index + 1
            while next < words.count, next <= index + 4 {
                let candidate = words[next]
                if blockers.contains(candidate.lowercased()) { break }
                if isCodeShaped(candidate) { return String(candidate) }
                guard fillers.contains(candidate.lowercased()) else { break }
                next += 1
            }
        }
        return nil
    }

    /// `NATALE20`, `SAVE10`, `WINTER-15`, `Summer24` — not `123456` (no letter) nor a plain lower-case word.
    static func isCodeShaped(_ word: Substring) -> Bool {
        guard (3...24).contains(word.count),
            word.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }),
            word.contains(where: \.isLetter)
        else { return false }
        let upper = word.filter(\.isUppercase).count
        let letters = word.filter(\.isLetter).count
        return upper * 2 >= letters || word.contains(where: \.isNumber) && upper > 0
    }
}
