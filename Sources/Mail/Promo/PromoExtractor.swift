import AuditModel
import Foundation
import Normalize

/// Reads the promotions of one message: codes (only after a code word, never order or tracking numbers),
/// percent and amount off, free-shipping thresholds, validity windows (dates and "fino a domenica"), product
/// prices with the product each belongs to, and Gmail Promotions annotations — every value with evidence.
public struct PromoExtractor: Sendable {
    /// The currency of amounts that name none (the shop's).
    public var defaultCurrency: String?
    /// The shop's locale (`it-IT`), for ambiguous amounts.
    public var locale: String?
    /// The shop's time zone, for dates without one.
    public var timeZone: TimeZone
    /// "Now", injected: the reference for year-less dates of a message without a send date.
    public var reference: Date

    /// Creates an extractor.
    public init(defaultCurrency: String? = nil, locale: String? = nil, timeZone: TimeZone = .gmt, reference: Date) {
        self.defaultCurrency = defaultCurrency
        self.locale = locale
        self.timeZone = timeZone
        self.reference = reference
    }

    static let shippingWords = ["spedizion", "shipping", "versand", "livraison", "envio", "envío", "delivery",
                                "consegna", "lieferung", "porto", "frais de port", "ship"]
    static let validityWords = ["valid", "fino", "entro", "until", "till", "through", "scade", "scadenza", "termina",
                                "ends", "ending", "expire", "bis", "gultig", "gültig", "jusqu", "hasta", "vigente",
                                "offerta", "offer", "sale", "promo", "desde", "deadline", "gültig", "válido", "valable", "last day", "ultimo", "ultimi", "nur", "only", "solo", "aktion"]

    /// Reads a parsed message.
    public func extract(_ message: MailMessage, source: String, locator: String) -> MessagePromos {
        var result = MessagePromos(source: source, message: locator,
                                   subject: message.subject.isEmpty ? nil : message.subject,
                                   from: message.from.isEmpty ? nil : message.from)
        let lead = locator.isEmpty ? "" : locator + ", "
        if let date = message.date {
            result.sent = Observed(date, Evidence(source: source, locator: lead + "header Date", raw: message.dateRaw ?? ""))
        }
        var promos = read(TextPiece.pieces(of: message, prefix: locator), source: source, sent: message.date)
        GmailAnnotations.merge(message.jsonLD, source: source, prefix: lead, defaultCurrency: defaultCurrency,
                               into: &promos)
        result.promos = promos.filter { !$0.isEmpty }
        return result
    }

    /// Reads one SMS.
    public func extract(sms text: String, sent: Observed<Date>?, sender: String?, source: String, locator: String)
        -> MessagePromos
    {
        var result = MessagePromos(source: source, message: locator, from: sender, sent: sent)
        let pieces = [TextPiece(text: text, locator: locator.isEmpty ? "text" : locator + ", text",
                                links: PlainText.urls(in: text))]
        result.promos = read(pieces, source: source, sent: sent?.value).filter { !$0.isEmpty }
        return result
    }

    func read(_ pieces: [TextPiece], source: String, sent: Date?) -> [MessagePromo] {
        var main = MessagePromo()
        var extraCodes: [MessagePromo] = []
        let promoParser = PromoParser(defaultCurrency: defaultCurrency, locale: locale)
        let shippingParser = ShippingParser(defaultCurrency: defaultCurrency, locale: locale)
        func evidence(_ piece: TextPiece) -> Evidence { Evidence(source: source, locator: piece.locator, raw: piece.text) }

        let amounts = MailAmounts(defaultCurrency: defaultCurrency, locale: locale)
        var pricePieces = Set<Int>()
        var validityPieces: [Int] = []
        // One scan per piece for its product prices; the HTML blocks (product cards) that hold one.
        let priced = pieces.map { !amounts.prices(in: $0.text).isEmpty || !amounts.prices(in: $0.struck).isEmpty }
        var pricedBlocks: Set<String> = []
        for (index, piece) in pieces.enumerated() where priced[index] && piece.block != 0 {
            pricedBlocks.insert("\(piece.part)#\(piece.block)")
        }
        for (index, piece) in pieces.enumerated() {
            // Lower-cased only (the word lists carry their accented forms): byte search, no Foundation folding.
            let folded = " " + piece.text.lowercased() + " "
            let foldedBytes = Array(folded.utf8)
            var promo = promoParser.parse(piece.text)
            promo.percentOff = amounts.percent(in: piece.text, parsed: promo.percentOff)
            if promo.amountOff != nil, amounts.money(in: piece.text).filter(Self.isOff).isEmpty { promo.amountOff = nil }
            var codePiece = piece
            if promo.code == nil, index + 1 < pieces.count, Self.endsWithCodeWord(folded) {
                // "Use code" on one line, the code on the next (a button or a bold cell).
                codePiece.text = piece.text + " " + pieces[index + 1].text
                promo.code = promoParser.parse(codePiece.text).code
            }
            let mentionsShipping = Self.shippingWords.contains { Self.has(foldedBytes, $0) }
            if let code = promo.code, Self.promoContext(index, pieces) {
                if main.code == nil {
                    main.code = Observed(code, evidence(codePiece))
                } else if main.code?.value != code, !extraCodes.contains(where: { $0.code?.value == code }) {
                    var extra = MessagePromo(code: Observed(code, evidence(codePiece)))
                    extra.percentOff = promo.percentOff.map { Observed(Self.text($0), evidence(piece)) }
                    extra.amountOff = promo.amountOff.map { Observed($0, evidence(piece)) }
                    extraCodes.append(extra)
                    promo.percentOff = nil
                    promo.amountOff = nil
                }
            }
            if mentionsShipping, main.freeShippingOver == nil, let over = shippingParser.parse(piece.text).freeOver {
                main.freeShippingOver = Observed(over, evidence(piece))
            }
            if priced[index] { pricePieces.insert(index) }
            if !priced[index], piece.block == 0 || !pricedBlocks.contains("\(piece.part)#\(piece.block)") {
                if main.percentOff == nil, let percent = promo.percentOff {
                    main.percentOff = Observed(Self.text(percent), evidence(piece))
                }
                if main.amountOff == nil, let amount = promo.amountOff, !mentionsShipping {
                    main.amountOff = Observed(amount, evidence(piece))
                }
            }
            if Self.validityWords.contains(where: { Self.has(foldedBytes, $0) }) { validityPieces.append(index) }
        }
        readValidity(pieces, validityPieces, sent: sent, source: source, into: &main)
        if main.code == nil, main.percentOff == nil, main.amountOff == nil, main.freeShippingOver == nil,
            pricePieces.isEmpty
        {
            // A date alone is no promotion.
            main.validFrom = nil
            main.validUntil = nil
        }
        main.prices = PriceAssociation(defaultCurrency: defaultCurrency, locale: locale, source: source)
            .prices(in: pieces, at: pricePieces.sorted())
        return [main] + extraCodes
    }

    /// The validity window: the first piece with explicit dates; else the first deadline relative to the send
    /// date ("fino a domenica", "ends midnight").
    private func readValidity(_ pieces: [TextPiece], _ indices: [Int], sent: Date?, source: String,
                              into main: inout MessagePromo) {
        let parser = DateWindowParser(timeZone: timeZone, reference: sent ?? reference)
        // The first full window (start and end) wins over an earlier end alone ("fino al 29/11" in the preheader,
        // "valide dal 16/11 al 29/11" in the body).
        var chosen: (window: DateWindow, single: Bool, evidence: Evidence)?
        for index in indices {
            let piece = pieces[index]
            let window = parser.parse(piece.text)
            guard window.start != nil || window.end != nil, Self.datesAValidity(piece.text) else { continue }
            // A single date with no start word is the last day of the promotion.
            let single = window.start != nil && window.end != nil
                && (window.end ?? .distantPast).timeIntervalSince(window.start ?? .distantPast) < 86_400
            let full = window.start != nil && window.end != nil && !single
            if chosen == nil || full {
                chosen = (window, single, Evidence(source: source, locator: piece.locator, raw: piece.text))
            }
            if full { break }
        }
        if let chosen {
            if !chosen.single { main.validFrom = chosen.window.start.map { Observed($0, chosen.evidence) } }
            main.validUntil = chosen.window.end.map { Observed($0, chosen.evidence) }
            return
        }
        guard let sent else { return }
        for index in indices {
            let piece = pieces[index]
            if let end = RelativeDeadline.end(in: piece.text, sent: sent, timeZone: timeZone) {
                main.validUntil = Observed(end, Evidence(source: source, locator: piece.locator, raw: piece.text))
                return
            }
        }
    }

    /// A line or headline with a validity word and a date states the promotion's dates; in a longer text (a news
    /// story: "the only properties named … at the board meeting on September 25") the word must stand shortly before
    /// the date, at the start of a word ("valida", not "invalid").
    static func datesAValidity(_ text: String) -> Bool {
        guard text.utf8.count > 160 else { return true }
        guard let before = DateWindowParser.textBeforeFirstDate(text, length: 60) else { return false }
        return validityWords.contains { MailAmounts.containsWord($0, in: before[...], prefixOnly: true) }
    }

    static let offWords: Set<String> = ["off", "sconto", "rabatt", "reduction", "descuento", "discount", "sconti",
                                        "risparmi", "risparmia", "save", "spare", "sparen", "economisez", "ahorra",
                                        "remise", "nachlass", "buono", "gutschein", "voucher", "coupon", "credit"]

    /// An amount off ("-10 €", "10 € di sconto", "save $10"), not a price.
    static func isOff(_ mention: MoneyMention) -> Bool {
        mention.minusBefore || mention.wordsBefore.suffix(3).contains(where: offWords.contains)
            || mention.wordsAfter.prefix(3).contains(where: offWords.contains)
    }

    /// A code counts only where the message talks about a discount: in its piece or the two around it.
    static func promoContext(_ index: Int, _ pieces: [TextPiece]) -> Bool {
        let window = pieces[max(0, index - 2)...min(pieces.count - 1, index + 2)]
        return window.contains { piece in
            let folded = piece.text.lowercased()
            return folded.contains("%") || MailAmounts.discountWords.contains { folded.contains($0) }
                || ["checkout", "cassa", "carrello", "cart", "kasse", "warenkorb", "panier", "caja", "carrito",
                    "spedizione", "shipping", "versand", "livraison", "envío", "envio", "order", "ordine"]
                    .contains { folded.contains($0) }
        }
    }

    /// Whether `needle` occurs in the bytes (a plain byte search: the per-line word checks are the extractor's
    /// hot loop, and Foundation's `contains` folds every character).
    static func has(_ haystack: [UInt8], _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { word in
            haystack.withUnsafeBufferPointer { text in
                guard let first = word.first, word.count <= text.count else { return word.isEmpty }
                var index = 0
                let last = text.count - word.count
                while index <= last {
                    if text[index] == first {
                        var matched = 1
                        while matched < word.count, text[index + matched] == word[matched] { matched += 1 }
                        if matched == word.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }

    static func endsWithCodeWord(_ folded: String) -> Bool {
        let trimmed = folded.utf8.reversed().drop { !(($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80) }
        let word = trimmed.prefix { ($0 >= 0x61 && $0 <= 0x7A) || $0 >= 0x80 }
        let last = String(decoding: word.reversed(), as: UTF8.self)
        return ["code", "codice", "coupon", "gutscheincode", "codigo", "rabattcode", "promocode", "voucher"].contains(last)
    }

    static func text(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }
}
