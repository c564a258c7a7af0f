import AuditModel
import CLibXML2
import Foundation
import Normalize

/// Reads the prices inside one price block: the smallest elements holding a price, each classed as current
/// or list (struck through, "old", "was", "regular" beside a sale price). Unit prices, savings and discount
/// badges are skipped.
struct PriceBlockReader {
    let source: String
    let parser: PriceParser

    static func hints(_ node: Node) -> String {
        ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "") + " " + (node.attribute("itemprop") ?? "")
            + " " + (node.attribute("data-price-type") ?? "")).lowercased()
    }

    /// Words that name a price container in class names and ids, in the languages themes are written in.
    static let containerWords = ["price", "preis", "prezzo", "precio", "preco", "prix", "fiyat", "hinta", "cijena"]

    /// An element whose class, id or itemprop names a price.
    static func isPriceContainer(_ node: Node) -> Bool {
        let text = hints(node)
        return containerWords.contains { text.contains($0) }
    }

    /// The class, id and itemprop words of an element: `price-item--regular` → price, item, regular.
    static func tokens(_ node: Node) -> Set<String> {
        Set(hints(node).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    private static let listHints: Set<String> = ["old", "was", "strike", "strikethrough", "crossed", "compare", "before",
                                                 "list", "original", "oldprice", "listprice", "retail", "through"]
    private static let currentHints: Set<String> = ["sale", "special", "current", "final", "now", "actual", "promo",
                                                    "offer", "sales", "saleprice", "finalprice", "specialprice", "reduced"]
    /// Class words that make "list" a layout list (Bootstrap's `list-unstyled`), not a list price.
    private static let layoutListWords: Set<String> = ["unstyled", "inline", "group", "item", "items", "style", "none"]

    /// Phrases that mark a price as excluding tax, in the languages shops write (lower case).
    static let withoutTaxPhrases = ["excl. vat", "excl vat", "excl. tax", "excl tax", "excluding vat", "excluding tax",
                                    "ex. vat", "ex vat", "exc. vat", "without vat", "before tax", "pre-tax", "excl. gst", "ex gst",
                                    "excl. btw", "excl btw", "ex. btw", "exkl. moms", "ekskl. moms", "ohne mwst", "zzgl. mwst",
                                    "exkl. mwst", "netto", "brez ddv", "bez dph", "bez vat", "hors taxe", "hors tva", "sin iva",
                                    "senza iva", "iva esclusa", "sem iva"]

    /// Containers whose prices are not the product's price (unit prices, instalments).
    private static let skipContainers: Set<String> = ["unit", "per", "installment", "installments", "instalment", "klarna"]
    /// Single amounts that are not the price (savings, discount badges).
    private static let skipLeaves: Set<String> = ["save", "saving", "savings", "risparmio", "discount", "badge", "percent", "percentage"]

    /// Containers of other products' prices: related products, recommendations, carousels, mini carts.
    private static let excludedContainers: Set<String> = [
        "related", "recommend", "recommendations", "recommendation", "recommended", "upsell", "upsells", "crosssell",
        "minicart", "carousel",
    ]
    /// Class words of repeated product tiles; as an id (`id="product-card"`, unique on the page) they name the
    /// main product's section instead.
    private static let excludedClasses: Set<String> = ["tile", "tiles", "card"]

    /// Elements that hold other things than the product's own price (related products, mini cart).
    static func isExcluded(_ node: Node) -> Bool {
        var current: Node? = node
        var depth = 0
        while let element = current, depth < 32 {
            if let excluded = excludedByASCIITokens(element) {
                if excluded { return true }
            } else {
                if !tokens(element).isDisjoint(with: excludedContainers) { return true }
                if let classes = element.attribute("class")?.lowercased(),
                    !Set(classes.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)).isDisjoint(with: excludedClasses) {
                    return true
                }
            }
            current = element.parent
            depth += 1
        }
        return false
    }

    private static let excludedContainerBytes = excludedContainers.map { Array($0.utf8) }
    private static let excludedClassBytes = excludedClasses.map { Array($0.utf8) }

    /// `isExcluded`'s test of one element on the bytes of its attributes, when they are ASCII (a token is then a
    /// run of ASCII letters and digits, as `tokens` splits it); nil for any other value, left to `tokens`.
    private static func excludedByASCIITokens(_ element: Node) -> Bool? {
        var seen: (class: Bool, id: Bool, itemprop: Bool, priceType: Bool) = (false, false, false, false)
        var property = element.pointer.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            guard let rawName = attribute.pointee.name else { continue }
            let name = UnsafeRawPointer(rawName).assumingMemoryBound(to: CChar.self)
            let isClass: Bool
            if strcasecmp(name, "class") == 0 {
                if seen.class { continue }
                seen.class = true
                isClass = true
            } else if strcasecmp(name, "id") == 0 {
                if seen.id { continue }
                seen.id = true
                isClass = false
            } else if strcasecmp(name, "itemprop") == 0 {
                if seen.itemprop { continue }
                seen.itemprop = true
                isClass = false
            } else if strcasecmp(name, "data-price-type") == 0 {
                if seen.priceType { continue }
                seen.priceType = true
                isClass = false
            } else {
                continue
            }
            guard let child = attribute.pointee.children else { continue }
            guard child.pointee.type == XML_TEXT_NODE, child.pointee.next == nil, let value = child.pointee.content else { return nil }
            var start: UnsafePointer<xmlChar>? = nil
            var cursor = UnsafePointer(value)
            while true {
                let byte = cursor.pointee
                if byte >= 0x80 { return nil }
                let alphanumeric = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x30 && byte <= 0x39
                if alphanumeric {
                    if start == nil { start = cursor }
                } else if let first = start {
                    let token = UnsafeBufferPointer(start: first, count: cursor - first)
                    if matchesAny(token, excludedContainerBytes) || isClass && matchesAny(token, excludedClassBytes) { return true }
                    start = nil
                }
                if byte == 0 { break }
                cursor += 1
            }
        }
        return false
    }

    /// True when the ASCII token, lower-cased, is one of the lower-case words.
    private static func matchesAny(_ token: UnsafeBufferPointer<xmlChar>, _ words: [[UInt8]]) -> Bool {
        words.contains { word in
            word.count == token.count && zip(word, token).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
        }
    }

    private static let hiddenClassWords = CaselessWords(["hidden", "sr-only", "screen-reader", "d-none", "invisible", "visuallyhidden"])
    private static let noneWord = CaselessWords(["none"])

    /// Screen-reader-only and hidden elements, decided from the raw attributes (fast, for every descendant).
    static func isHidden(_ node: Node) -> Bool {
        // One pass over the attributes: `class` naming a hidden class, a `hidden` attribute, `style` saying "none".
        var hiddenClass = false, hiddenAttribute = false, styleNone = false
        var seenClass = false, seenStyle = false
        var property = node.pointer.pointee.properties
        while let current = property {
            property = current.pointee.next
            guard let raw = current.pointee.name else { continue }
            let name = UnsafeRawPointer(raw).assumingMemoryBound(to: CChar.self)
            switch raw.pointee | 0x20 {
            case 0x63 where !seenClass && strcasecmp(name, "class") == 0:
                seenClass = true
                hiddenClass = Self.contains(current, hiddenClassWords)
            case 0x68 where strcasecmp(name, "hidden") == 0:
                hiddenAttribute = true
            case 0x73 where !seenStyle && strcasecmp(name, "style") == 0:
                seenStyle = true
                styleNone = Self.contains(current, noneWord)
            default:
                break
            }
        }
        if hiddenClass { return isHidden(node, tokens: tokens(node)) }
        return hiddenAttribute || styleNone && isHidden(node, tokens: [])
    }

    /// `Node.attribute(_:contains:)` for an attribute already found, in one pass over the value for all the
    /// words (a long class list is read once, not once per word).
    private static func contains(_ attribute: xmlAttrPtr, _ words: CaselessWords) -> Bool {
        guard let value = attribute.pointee.children?.pointee.content else { return false }
        return words.occur(in: value)
    }

    /// Screen-reader-only and hidden elements: not what a customer sees.
    static func isHidden(_ node: Node, tokens: Set<String>) -> Bool {
        // `no-js-hidden` is hidden only without JavaScript.
        if (tokens.contains("hidden") && !tokens.contains("js")) || tokens.contains("invisible") || (tokens.contains("sr") && tokens.contains("only"))
            || (tokens.contains("screen") && tokens.contains("reader")) || (tokens.contains("d") && tokens.contains("none")) {
            return true
        }
        if node.has("hidden") { return true }
        if let style = node.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""), style.contains("display:none") {
            return true
        }
        return false
    }

    /// The text a customer sees: hidden and screen-reader-only descendants left out, whitespace collapsed.
    static func visibleText(_ node: Node) -> String {
        var parts: [String] = []
        func walk(_ element: Node) {
            var child = element.pointer.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                    parts.append(String(cString: content))
                } else if current.pointee.type == XML_ELEMENT_NODE {
                    let kid = element.related(current)
                    if !kid.named("script"), !kid.named("style"), !isHidden(kid) { walk(kid) }
                }
                child = current.pointee.next
            }
        }
        walk(node)
        return Node.collapse(parts.joined(separator: " "))
    }

    /// The visible text of `ancestor` near one of its children: that child and its nearest `siblings` nodes on
    /// each side, in document order, each read up to about `limit` bytes (hidden parts, scripts and styles left
    /// out, whitespace collapsed). The context a bare amount takes its currency from.
    static func contextText(of ancestor: Node, around child: xmlNodePtr, siblings: Int = 4, limit: Int = 400) -> String {
        var nodes: [xmlNodePtr] = []
        var current = ancestor.pointer.pointee.children
        var position = -1
        while let next = current {
            if next == child { position = nodes.count }
            nodes.append(next)
            current = next.pointee.next
        }
        guard position >= 0 else { return "" }
        var parts: [String] = []
        var budget = 0
        func walk(_ pointer: xmlNodePtr) {
            guard budget < limit else { return }
            if pointer.pointee.type == XML_TEXT_NODE, let content = pointer.pointee.content {
                let text = String(cString: content)
                budget += text.utf8.count
                parts.append(text)
            } else if pointer.pointee.type == XML_ELEMENT_NODE {
                let element = ancestor.related(pointer)
                guard !element.named("script"), !element.named("style"), !isHidden(element) else { return }
                var kid = pointer.pointee.children
                while let next = kid, budget < limit {
                    walk(next)
                    kid = next.pointee.next
                }
            }
        }
        for index in max(0, position - siblings)...min(nodes.count - 1, position + siblings) {
            budget = 0
            walk(nodes[index])
        }
        return Node.collapse(parts.joined(separator: " "))
    }

    func claims(in block: Node) -> [PriceClaim] {
        var found: [(node: Node, role: PriceClaim.Role?)] = []
        collect(block, struck: false, into: &found)
        // Each element is read once; an unlabelled one is current until the sale prices are known.
        let read = found.compactMap { node, role in
            claim(node, role: role ?? .current).map { (claim: $0, labelled: role != nil, regular: Self.tokens(node).contains("regular")) }
        }
        let strongCurrent = read.filter { $0.labelled && $0.claim.role == .current }.map(\.claim.price.value)
        // A block whose only price is labelled "old" by its class (`price-old-live`) and is not struck through
        // shows that price as the current one: there is no sale price beside it.
        if !read.isEmpty, read.allSatisfy({ $0.claim.role == .list }), Set(read.map(\.claim.price.value)).count == 1,
            !found.contains(where: { Self.struckByTag($0.node, within: block) }) {
            return read.map { entry in
                var claim = entry.claim
                claim.role = .current
                return claim
            }
        }
        return read.map { entry in
            var claim = entry.claim
            // A "regular" price beside a sale price is the list price, unless it is the same amount (a theme
            // that prints both blocks and hides one with CSS when nothing is on sale).
            if !entry.labelled, entry.regular, !strongCurrent.isEmpty, !strongCurrent.contains(claim.price.value) {
                claim.role = .list
            }
            return claim
        }
    }

    /// List-price class words other than "old": a price so labelled is struck through or named as the list price.
    private static let strikeHints = listHints.subtracting(["old", "oldprice"])

    /// True when the element or an ancestor inside `block` is `del`, `s` or `strike`, or has a class that
    /// strikes it through or names it a list price (`a-text-strike`, `was-price`); "old" alone does not.
    static func struckByTag(_ node: Node, within block: Node) -> Bool {
        var current: Node? = node
        var depth = 0
        while let element = current, depth < 16 {
            if element.named("del") || element.named("s") || element.named("strike") { return true }
            let words = roleTokens(element)
            let listWords = words.isDisjoint(with: layoutListWords) ? words : words.subtracting(["list"])
            if !listWords.isDisjoint(with: strikeHints) { return true }
            if element.pointer == block.pointer { return false }
            current = element.parent
            depth += 1
        }
        return false
    }

    /// A claim for one element: its `data-price-amount` or `content` attribute when present, else its visible text.
    func claim(_ node: Node, role: PriceClaim.Role) -> PriceClaim? {
        let text = Self.priceText(node)
        let attribute = node.attribute("data-price-amount") ?? node.attribute("content")
        let raw = attribute ?? text
        let shown = parser.parse(text)
        let parsed = attribute != nil ? PriceParser(decimalSeparatorHint: ".", defaultCurrency: parser.defaultCurrency).parse(raw) : shown
        // A machine attribute (`data-price-amount="1299"`) names no currency, and a symbol is often in a sibling
        // (`£<span>19.99</span>`): the text around it does.
        // Read only when the element names no currency itself (it is the costly part: often the whole body).
        // Bounded: the nearest siblings on each side, a few hundred bytes, never a whole ancestor such as `body`.
        func around() -> String? {
            var child = node
            for _ in 0..<2 {
                guard let ancestor = child.parent else { return nil }
                if let currency = parser.parse(Self.contextText(of: ancestor, around: child.pointer)).currency { return currency }
                child = ancestor
            }
            return nil
        }
        guard let amount = parsed.amount, let currency = parsed.currency ?? shown.currency ?? around() ?? parser.currencyHint
        else { return nil }
        // Without a currency written in it, an element must read as a bare amount, not as a code (`BP-3000-SI`), a
        // name (`Mirror cab 2 door`), a count (`(2)` reviews, `1 gab`): a currency the page implies is not one written.
        if attribute == nil, !shown.currencyIsWritten, !text.allSatisfy({ $0.isNumber || ".,'-– \u{00A0}\u{202F}".contains($0) }) {
            return nil
        }
        if let itemprop = node.attribute("itemprop")?.lowercased(), ["sku", "gtin", "gtin13", "mpn", "productid"].contains(itemprop) {
            return nil
        }
        return PriceClaim(syntax: .visible, role: role,
                          price: Observed(Money(amount: amount, currency: currency), Evidence(source: source, locator: node.locator, raw: text.isEmpty ? raw : text)))
    }

    private func collect(_ node: Node, struck: Bool, into found: inout [(node: Node, role: PriceClaim.Role?)]) {
        let tokens = Self.tokens(node)
        if !tokens.isDisjoint(with: Self.skipContainers) || Self.isHidden(node, tokens: tokens) { return }
        let roles = Self.roleTokens(node)
        // "with-list-price" marks a current price that has a list price beside it; "non-sale" is the regular price.
        // "list-unstyled", "list-inline", "list-group": a layout list, not a list price.
        let layoutList = !roles.isDisjoint(with: Self.layoutListWords)
        var listTokens = roles.contains("with") || layoutList ? roles.subtracting(["list"]) : roles
        if tokens.contains("non"), tokens.contains("sale") { listTokens.insert("list") }
        let isStruck = struck || node.named("del") || node.named("s") || node.named("strike")
            || !listTokens.isDisjoint(with: Self.listHints)
        let text = Self.visibleText(node)
        if text.count < 12, text.contains("%") { return }
        // The byte test first: these ASCII needles (no K, the one letter with a canonical twin, U+212A) cannot
        // match where their bytes are absent, so Foundation's search runs only where they are.
        if text.count < 40, ByteSearch.containsAny(text, ["/", " al ", " per "]),
            text.contains("/") || text.contains(" al ") || text.contains(" per ") {
            let lower = text.lowercased()
            if ByteSearch.containsAny(lower, ["/kg", "/ kg", "/l", "/100", "al kg", "per kg", "/m", "al litro"]) { return }
        }
        let kids = node.elements.filter { $0.text.contains(where: \.isNumber) }
        let ownDigits = node.ownText.contains(where: \.isNumber)
        // A number split over its elements (`<span>87.</span><span>11</span>`) is one price, read from the parent.
        if kids.count > 1, !ownDigits, Self.isSplitNumber(node) {
            if roles.isDisjoint(with: Self.skipLeaves), text.count <= 48, !Self.isSavingOrShipping(text) {
                found.append((node, isStruck ? .list : (!listTokens.isDisjoint(with: Self.currentHints) ? .current : nil)))
            }
            return
        }
        // One price without tax ("Brez DDV: 81,97 €", "excl. VAT", "ohne MwSt.") is not what the customer pays.
        if kids.count <= 1, text.count < 60, ByteSearch.containsAny(text.lowercased(), Self.withoutTaxPhrases) { return }
        if kids.isEmpty || (kids.count == 1 && ownDigits) || node.has("data-price-amount") || (node.has("content") && node.has("itemprop")) {
            guard text.contains(where: \.isNumber) || node.has("data-price-amount"), roles.isDisjoint(with: Self.skipLeaves),
                text.count <= 48, !Self.isSavingOrShipping(text) else { return }
            let role: PriceClaim.Role? = isStruck ? .list
                : (!listTokens.isDisjoint(with: Self.currentHints) || node.named("ins") ? .current : nil)
            found.append((node, role))
            return
        }
        let strongCurrent = !listTokens.isDisjoint(with: Self.currentHints) && !isStruck || node.named("ins")
        for kid in kids {
            var before = found.count
            collect(kid, struck: isStruck, into: &found)
            // A current-price container makes its unlabelled prices current.
            while strongCurrent && before < found.count {
                if found[before].role == nil { found[before].role = .current }
                before += 1
            }
        }
    }
}
