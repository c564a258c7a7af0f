import Foundation
import Normalize

/// Finds the call to action that buys the product ("Add to cart", "In den Warenkorb", "Comprar", "カートに入れる",
/// "Place bid")
/// among the page's buttons and links by its words, in many languages. An enabled one says the product can be
/// bought; it fills a missing availability, never contradicts a stated one.
enum BuyButton {
    /// Folded (lower-case, no accents) beginnings of buy buttons' text.
    static let phrases: [String] = [
        "add to cart", "add to basket", "add to bag", "add to trolley", "buy now", "buy it now", "add to order",
        "in den warenkorb", "jetzt kaufen", "sofort-kaufen", "sofort kaufen", "in den einkaufswagen",
        "ajouter au panier", "acheter maintenant", "aggiungi al carrello", "compralo subito", "acquista ora",
        "acquista adesso", "anadir al carrito", "comprar", "anadir a la cesta", "adicionar ao carrinho",
        "adicionar a cesta", "in winkelwagen", "toevoegen aan winkelwagen", "in mijn winkelwagen", "dodaj do koszyka",
        "kup teraz", "do kosiku", "vlozit do kosiku", "pridat do kosika", "kupit", "dodaj v kosarico", "v kosarico",
        "lagg i varukorgen", "kop nu", "laeg i kurv", "laeg i kurven", "legg i handlekurven", "lisaa ostoskoriin",
        "sepete ekle", "hemen al", "в корзину", "купить", "добавить в корзину", "カートに入れる", "今すぐ購入",
        "장바구니", "구매하기", "바로구매", "加入購物車", "立即購買", "直接購買", "加入购物车", "立即购买",
        "أضف إلى السلة", "اشتر الآن", "הוסף לסל", "קנה עכשיו", "kosarba", "adauga in cos", "ostukorvi",
        "pievienot grozam", "i krepseli", "kosarica", "във количката", "στο καλαθι", "我要購買", "我要购买",
        // Auctions and offers: a live bid or offer button says the item is on sale now.
        "place bid", "place a bid", "submit bid", "bid now", "make offer", "make an offer", "fai un'offerta",
        "fai una proposta", "gebot abgeben", "jetzt bieten", "bieten", "preisvorschlag senden", "encherir",
        "placer une enchere", "faire une offre", "pujar", "hacer una puja", "hacer oferta", "licytuj", "zloz oferte",
        "bied nu", "bod uitbrengen", "dar lance", "入札する", "입찰하기",
    ]

    /// The first enabled buy button or link outside headers, navigation, related products and hidden parts.
    static func find(in tree: MarkupTree) -> (node: Node, text: String)? {
        var candidates = 0
        var found: (node: Node, text: String)?
        // `//button | //a | //input[@type='submit' or @type='button']`, the first 3000 in document order, walked.
        tree.forEachElementPointer { pointer in
            // Most elements are none of the three: their first letter says so before any comparison or retain.
            guard let name = pointer.pointee.name, name[0] == 0x61 || name[0] == 0x62 || name[0] == 0x69 else { return true }
            let node = Node(pointer: pointer, tree: tree)
            let isInput = node.named("input")
            guard node.named("a") || node.named("button") || isInput && ["submit", "button"].contains(node.attribute("type")) else { return true }
            candidates += 1
            found = candidate(node, isInput: isInput)
            return found == nil && candidates < 3000
        }
        return found
    }

    /// The button's text when it is an enabled buy button or link outside headers, navigation, related products
    /// and hidden parts.
    private static func candidate(_ node: Node, isInput: Bool) -> (node: Node, text: String)? {
        if node.has("disabled") || node.attribute("aria-disabled") == "true" { return nil }
        // A text longer than 40 characters is no button: most links (product tiles) are told so on their bytes.
        if !isInput, node.textSurelyLonger(than: 40) { return nil }
        let raw = isInput ? (node.attribute("value") ?? "") : node.collapsedText
        // A button named by its id or class may show only an image or an icon.
        let named = namesAddToCart(node) || callsBuyScript(node)
        guard !raw.isEmpty || named, raw.count <= 40 else { return nil }
        guard named || startsWithPhrase(raw) || contactsSeller(node, text: raw) else { return nil }
        if PriceBlockReader.isHidden(node) || PriceBlockReader.isExcluded(node) || insideChrome(node) { return nil }
        return (node, raw.isEmpty ? "(buy button: \(node.locator))" : raw)
    }

    /// True when the element's id or class names adding the product to the cart (`add-to-cart`, `add-product`,
    /// `addToBasket`, `buy-now`), whatever its text says ("Je fonce", an icon).
    static func namesAddToCart(_ node: Node) -> Bool {
        // Most links name neither: the raw attribute bytes are checked before any string is made.
        func rawMentions(_ name: StaticString) -> Bool? {
            guard node.has(name) else { return false }
            guard let raw = node.rawAttribute(name) else { return nil }
            var length = 0
            while raw[length] != 0 { length += 1 }
            return mentionsAddOrBuy(UnsafeBufferPointer(start: raw, count: length))
        }
        if rawMentions("id") == false, rawMentions("class") == false { return false }
        let id = node.attribute("id") ?? "", classes = node.attribute("class") ?? ""
        // Most links name neither: a check on bytes before any string work (this runs for every link of a page).
        guard mentionsAddOrBuy(id) || mentionsAddOrBuy(classes) else { return false }
        let words = (id + " " + classes).lowercased()
        let parts = Set(words.split(whereSeparator: { !$0.isLetter }).map(String.init))
        return parts.contains("addtocart") || parts.contains("addtobasket") || parts.contains("buynow")
            || parts.contains("add") && !parts.isDisjoint(with: ["cart", "basket", "bag", "product", "panier", "warenkorb", "carrello", "carrito"])
            || parts.contains("buy") && !parts.isDisjoint(with: ["now", "button", "btn"])
    }

    /// True when the text has `add` or `buy` in any letter case (ASCII, as Unicode lower-casing gives nothing else).
    static func mentionsAddOrBuy(_ text: String) -> Bool { mentionsAddOrBuy(text.utf8) }

    /// `mentionsAddOrBuy` on bytes.
    static func mentionsAddOrBuy<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            let lower = byte | 0x20  // ASCII letters to lower case; the bytes compared below are letters only
            if (previous == (0x61, 0x64) && lower == 0x64) || (previous == (0x62, 0x75) && lower == 0x79) { return true }
            previous = (previous.1, byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A ? lower : 0)
        }
        return false
    }

    /// On a classified ad the call to action is to contact the seller: a `<button>` that says only that
    /// ("Kontaktieren", "Contact seller", "Contacter le vendeur") says the listing is live. Links ("Kontakt" in a
    /// menu) and longer texts ("Kontaktieren Sie uns") are not read so.
    static func contactsSeller(_ node: Node, text: String) -> Bool {
        guard node.named("button") else { return false }
        let folded = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
        return sellerContacts.contains(folded)
    }

    /// Whole button texts that contact the seller of a classified ad, in the languages such sites are written in.
    static let sellerContacts: Set<String> = [
        "kontaktieren", "verkaufer kontaktieren", "anbieter kontaktieren", "nachricht schreiben", "contact seller",
        "contact the seller", "message seller", "reply to ad", "contacter", "contacter le vendeur", "contatta",
        "contatta il venditore", "contactar", "contactar al vendedor", "contactar con el vendedor", "napisz do sprzedajacego",
        "kontakt med saelger", "kontakta saljaren", "neem contact op", "reageren", "contactar vendedor",
    ]

    /// True when the link or button runs a script that buys or adds to the cart (`href="javascript:buy_process(…)"`,
    /// `onclick="addToCart(12)"`): the function called is named so, whatever the text says.
    static func callsBuyScript(_ node: Node) -> Bool {
        // Most links have no `onclick` and an ordinary `href`: nothing to read, decided on the raw bytes.
        if !node.has("onclick") {
            guard node.has("href") else { return false }
            if let href = node.rawAttribute("href") {
                let prefix = "javascript:".utf8
                var index = 0
                for expected in prefix {
                    let byte = href[index]
                    if byte == 0 || (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != expected { return false }
                    index += 1
                }
            }
        }
        var script = node.attribute("onclick") ?? ""
        if let href = node.attribute("href"), href.utf8.count >= 11,
            href.utf8.prefix(11).map({ (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }).elementsEqual("javascript:".utf8) {
            script += " " + href
        }
        guard !script.isEmpty else { return false }
        if let ascii = callsBuyFunction(asciiScript: script) { return ascii }
        var name = ""
        for character in script.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                name.append(character)
                continue
            }
            if character == "(", isBuyFunction(name) { return true }
            name = ""
        }
        return false
    }

    /// `callsBuyScript` on an ASCII script's bytes (letters, digits and `_` make names); nil for other scripts.
    private static func callsBuyFunction(asciiScript script: String) -> Bool? {
        var script = script
        return script.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F { continue }
                if byte == 0x28, index > start,
                    isBuyFunction(String(decoding: bytes[start..<index], as: UTF8.self).lowercased()) {
                    return true
                }
                start = index + 1
            }
            return false
        }
    }

    /// True for a function name (lower case) that buys or adds to the cart.
    private static func isBuyFunction(_ name: String) -> Bool {
        name == "buy" || name.hasPrefix("buy_") || name.hasPrefix("buynow")
            || ["addtocart", "add_to_cart", "addcart", "addtobasket", "add_to_basket", "addtobag"].contains(where: { ByteSearch.contains(name, $0) })
    }

    /// The phrases, matched without folding most texts.
    private static let prefixes = FoldedPrefixes(phrases)

    /// True when the text, folded (lower case, no accents), begins with one of the phrases.
    static func startsWithPhrase(_ raw: String) -> Bool { prefixes.firstMatch(in: raw) != nil }

    /// Inside the page header, navigation or footer (the mini-cart link, "Buy gift cards" menus).
    private static func insideChrome(_ node: Node) -> Bool {
        var current = node.parent
        var depth = 0
        while let element = current, depth < 40 {
            if element.named("header") || element.named("nav") || element.named("footer") { return true }
            current = element.parent
            depth += 1
        }
        return false
    }
}
