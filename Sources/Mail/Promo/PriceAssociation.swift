import AuditModel
import Foundation
import Normalize

/// Ties advertised prices to their products. In an HTML part the lines of one table cell or list item form a
/// product card: its prices (struck-through or introduced by "invece di", "was", "statt" … is the former price),
/// its product link, its name and any SKU. Elsewhere a line is its own card, with the link on it or on the
/// line next to it and the name before the price.
struct PriceAssociation {
    var defaultCurrency: String?
    var locale: String?
    var source: String

    static let listWords: Set<String> = ["invece", "anziche", "instead", "was", "statt", "uvp", "prima", "before",
                                         "regular", "regolare", "list", "listino", "prix", "antes", "ahora", "originally",
                                         "originale", "ursprunglich", "bisher", "pieno", "rrp", "msrp", "compare"]
    static let buttonWords = ["shop now", "acquista", "compra", "scopri", "buy", "jetzt", "kaufen", "decouvr",
                              "découvr", "ver ", "view", "vedi", "add to cart", "aggiungi", "order now", "ordina",
                              "see more", "learn more", "show", "mostra"]
    nonisolated(unsafe) static let skuPattern =
        #/(?i)\b(?:sku|art\.?(?:-?nr\.?)?|cod(?:ice)?\.?\s*art(?:icolo)?\.?|item\s*(?:no\.?|#)|ref\.?|réf\.?|artikelnummer|art\.\s*nr\.?)(?![a-z])\s*[:#]?\s*([A-Z0-9][A-Z0-9._-]{2,30})\b/#

    func prices(in pieces: [TextPiece], at indices: [Int]) -> [AdvertisedPrice] {
        // Group price pieces into cards.
        var cards: [[Int]] = []
        var cardOf: [String: Int] = [:]
        for index in indices {
            let piece = pieces[index]
            if piece.block != 0 {
                let key = "\(piece.part)#\(piece.block)"
                if let card = cardOf[key] { cards[card].append(index); continue }
                cardOf[key] = cards.count
            }
            cards.append([index])
        }
        var result: [AdvertisedPrice] = []
        for card in cards { result += advertise(card, pieces) }
        return result
    }

    private func advertise(_ card: [Int], _ pieces: [TextPiece]) -> [AdvertisedPrice] {
        var current: [(Money, TextPiece)] = []
        var former: [(Money, TextPiece)] = []
        for index in card {
            let piece = pieces[index]
            let struck = amounts.prices(in: piece.struck)
            var mentions = amounts.prices(in: piece.text)
            for mention in struck {
                if let same = mentions.firstIndex(where: { $0.money == mention.money }) { mentions.remove(at: same) }
                former.append((mention.money, piece))
            }
            for mention in mentions {
                if mention.wordsBefore.suffix(2).contains(where: Self.listWords.contains) {
                    former.append((mention.money, piece))
                } else {
                    current.append((mention.money, piece))
                }
            }
        }
        if former.isEmpty, current.count == 2, current[0].0.currency == current[1].0.currency,
            current[0].0.amount != current[1].0.amount
        {
            // Two prices and nothing else: the higher is the former price.
            let high = current[0].0.amount > current[1].0.amount ? 0 : 1
            former.append(current.remove(at: high))
        }
        guard !current.isEmpty else { return [] }
        let product = self.product(card, pieces)
        let percent = card.lazy.compactMap { index -> Observed<String>? in
            let piece = pieces[index]
            return amounts.percent(in: piece.text, parsed: PromoParser(defaultCurrency: defaultCurrency, locale: locale).parse(piece.text).percentOff)
                .map { Observed(PromoExtractor.text($0), evidence(piece)) }
        }.first ?? cardPercent(card, pieces)
        return current.map { money, piece in
            let list = former.first { $0.0.currency == money.currency && $0.0.amount > money.amount }
            return AdvertisedPrice(price: Observed(money, evidence(piece)),
                                   listPrice: list.map { Observed($0.0, evidence($0.1)) },
                                   percentOff: percent, product: product)
        }
    }

    /// A percent on another line of the same card ("-30%" badge).
    private func cardPercent(_ card: [Int], _ pieces: [TextPiece]) -> Observed<String>? {
        let first = pieces[card[0]]
        guard first.block != 0 else { return nil }
        for piece in pieces where piece.block == first.block && piece.part == first.part {
            if let percent = amounts.percent(in: piece.text, parsed: PromoParser(defaultCurrency: defaultCurrency, locale: locale).parse(piece.text).percentOff) {
                return Observed(PromoExtractor.text(percent), evidence(piece))
            }
        }
        return nil
    }

    private func product(_ card: [Int], _ pieces: [TextPiece]) -> AdvertisedProduct {
        let first = pieces[card[0]]
        var neighbourhood: [TextPiece]
        if first.block != 0 {
            neighbourhood = pieces.filter { $0.block == first.block && $0.part == first.part }
        } else {
            let index = card[0]
            neighbourhood = [first]
            if index + 1 < pieces.count, pieces[index + 1].part == first.part { neighbourhood.append(pieces[index + 1]) }
            if index > 0, pieces[index - 1].part == first.part, !pieces[index - 1].locator.hasSuffix("subject") {
                neighbourhood.insert(pieces[index - 1], at: 0)
            }
        }
        var product = AdvertisedProduct()
        for piece in neighbourhood.sorted(by: { ($0.locator == first.locator ? 0 : 1) < ($1.locator == first.locator ? 0 : 1) }) {
            for link in piece.links {
                switch LinkUnwrapper.unwrap(link) {
                case .url(let url) where product.url == nil:
                    product.url = Observed(url, Evidence(source: source, locator: piece.locator + " href", raw: link))
                case .opaque where product.opaqueLink == nil: product.opaqueLink = link
                default: break
                }
            }
        }
        // A cart line: the link sits in another cell of the price's table row.
        if product.url == nil, product.opaqueLink == nil, first.row != 0 {
            for piece in pieces where piece.row == first.row && piece.part == first.part && piece.block != first.block {
                for link in piece.links {
                    if case .url(let url) = LinkUnwrapper.unwrap(link), product.url == nil {
                        product.url = Observed(url, Evidence(source: source, locator: piece.locator + " href", raw: link))
                    }
                }
                if product.url != nil, product.name == nil, !piece.text.isEmpty, amounts.money(in: piece.text).isEmpty {
                    product.name = Observed(piece.text, evidence(piece))
                }
            }
        }
        if product.url != nil { product.opaqueLink = nil }
        for piece in neighbourhood {
            if let match = piece.text.firstMatch(of: Self.skuPattern) {
                product.sku = Observed(String(match.1), evidence(piece))
                break
            }
        }
        product.name = name(first, neighbourhood) ?? product.name  // a cart line names its product in the link cell
        return product
    }

    /// The product name: text before the price on its line, else the nearest line of the card without an amount
    /// that is no button.
    private func name(_ pricePiece: TextPiece, _ neighbourhood: [TextPiece]) -> Observed<String>? {
        let mentions = amounts.money(in: pricePiece.text)
        if let first = mentions.first {
            let before = String(decoding: pricePiece.text.utf8.prefix(first.offset), as: UTF8.self)
            let cleaned = Self.trimName(before)
            if cleaned.count >= 4, cleaned.contains(where: \.isLetter) { return Observed(cleaned, evidence(pricePiece)) }
        }
        for piece in neighbourhood where piece.locator != pricePiece.locator {
            let folded = piece.text.lowercased()
            guard amounts.money(in: piece.text).isEmpty,
                !folded.contains("%"), (4...120).contains(piece.text.count),
                !Self.buttonWords.contains(where: { folded.hasPrefix($0) || folded == $0.trimmingCharacters(in: .whitespaces) }),
                piece.text.contains(where: \.isLetter)
            else { continue }
            return Observed(piece.text, evidence(piece))
        }
        return nil
    }

    static func trimName(_ text: String) -> String {
        var words = text.split(separator: " ").map(String.init)
        let drop: Set<String> = ["a", "at", "solo", "only", "nur", "per", "for", "für", "pour", "por", "a soli",
                                 "soli", "da", "from", "ab", "now", "ora", "jetzt", "-", "–", "—", ":", "|", "·", "€",
                                 "$", "£", "only:", "prezzo", "price", "preis", "prix", "precio"]
        while let last = words.last, drop.contains(last.lowercased().trimmingCharacters(in: .punctuationCharacters))
            || drop.contains(last.lowercased()) || last.allSatisfy({ !$0.isLetter && !$0.isNumber })
        {
            words.removeLast()
        }
        return words.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " -–—:|·,"))
    }

    private var amounts: MailAmounts { MailAmounts(defaultCurrency: defaultCurrency, locale: locale) }

    private func evidence(_ piece: TextPiece) -> Evidence { Evidence(source: source, locator: piece.locator, raw: piece.text) }
}
