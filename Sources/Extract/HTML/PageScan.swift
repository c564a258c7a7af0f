import CLibXML2
import Foundation
import Normalize

/// One walk over a parsed page that collects everything the extractors need: JSON-LD scripts, metas, the
/// canonical link, microdata and RDFa roots, the first `h1`, and the elements that look like price, stock,
/// terms text or a buy button. One pass, comparing attribute bytes in place, keeps extraction close to the cost
/// of parsing: no string is built for an element that turns out not to matter.
struct PageScan {
    var jsonLD: [String] = []
    /// `(property or name, content)` of every `<meta>`, in order.
    var metas: [(key: String, content: String)] = []
    var canonical: String?
    var microdataRoots: [Node] = []
    var rdfaRoots: [Node] = []
    /// The product title: the `h1` whose words the page's `<title>` or `og:title` shares most (a promotion
    /// banner's `h1` may come first), else the first `h1`.
    var h1: Node?
    /// Every `h1` (up to 8) with its document-order position.
    private var headings: [(node: Node, order: Int)] = []
    /// Buy-button candidates (up to 16) with their position.
    private var buttonCandidates: [(node: Node, order: Int)] = []
    /// The document's `<title>`.
    var title: Node?
    /// The position of the title `h1` in document order (element count), or 0 when there is none.
    var h1Order = 0
    /// Elements whose class, id, itemprop or property mentions a price, with their document-order position.
    var priceElements: [(node: Node, order: Int)] = []
    /// Elements whose class, id, itemprop or property mentions stock or availability, with their position.
    var stockElements: [(node: Node, order: Int)] = []
    /// Elements whose class or id mentions shipping, returns or payment, with their kind, in document order.
    var termsElements: [(node: Node, kind: TermsKind)] = []
    /// Buy buttons (`button`, `input[type=submit]` whose class, name or id mentions cart, add or buy) after the title.
    var buyButtons: [Node] = []
    /// The first 8 `option` elements with `selected`, in document order (the chosen variant), all parts of the page.
    var selectedOptions: [Node] = []
    /// True when some element uses microdata `itemref` (ids are then looked up).
    var usesItemref = false
    /// The `lang` attribute of the root element (`en-US`).
    var language: String?

    /// The kinds of terms blocks a page has.
    enum TermsKind: CaseIterable {
        case shipping, returns, payment

        /// The group of words of class names and ids that mark the kind.
        var group: HintGroups {
            switch self {
            case .shipping: .shipping
            case .returns: .returns
            case .payment: .payment
            }
        }

        static let shippingHints: [StaticString] = ["shipping", "spedizion", "delivery", "consegna", "versand", "lieferung", "livraison", "envio"]
        static let returnHints: [StaticString] = ["return", "reso", "resi", "rueckgabe", "retour", "devoluc"]
        static let paymentHints: [StaticString] = ["payment", "pagament", "zahlung", "paiement", "pago"]
    }

    /// "price" in the class, id, itemprop or property, in the languages themes are written in.
    static let priceHints: [StaticString] = ["price", "preis", "prezzo", "precio", "preco", "prix", "fiyat", "hinta", "cijena"]
    static let stockHints: [StaticString] = ["stock", "availab", "disponib", "lager", "lieferbar", "existencia", "inventory", "quantities"]
    static let buyHints: [StaticString] = ["cart", "add", "buy", "panier", "warenkorb", "carrello", "carrito"]

    init(_ tree: MarkupTree) {
        guard let root = tree.rootElement else { return }
        language = root.attribute("lang") ?? root.attribute("xml:lang")
        var rdfaScopes: Set<xmlNodePtr> = []
        var order = 0
        var current: xmlNodePtr? = root.pointer
        while let pointer = current {
            order += 1
            let descend = visit(root.related(pointer), order: order, rdfaScopes: &rdfaScopes)
            current = Self.next(after: pointer, descend: descend, root: root.pointer)
        }
        chooseHeading()
        buyButtons = Array(buttonCandidates.filter { $0.order > h1Order }.map(\.node).prefix(4))
    }

    /// Picks the title `h1`: the one sharing most words with `<title>` / `og:title`; the first on a tie.
    private mutating func chooseHeading() {
        guard let firstHeading = headings.first else { return }
        var chosen = firstHeading
        if headings.count > 1 {
            let titleText = [title?.collapsedText, meta("og:title")?.content].compactMap { $0 }.joined(separator: " ")
            let titleWords = Self.words(titleText)
            var best = -1
            for heading in headings {
                let overlap = Self.words(heading.node.collapsedText).intersection(titleWords).count
                if overlap > best {
                    best = overlap
                    chosen = heading
                }
            }
        }
        h1 = chosen.node
        h1Order = chosen.order
    }

    private static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count > 1 }.map(String.init))
    }

    /// The next element in document order: the first child element, else the next sibling element, else the
    /// next sibling of the nearest ancestor that has one. No allocation.
    static func next(after pointer: xmlNodePtr, descend: Bool, root: xmlNodePtr) -> xmlNodePtr? {
        if descend, let child = firstElement(pointer.pointee.children) { return child }
        var node: xmlNodePtr? = pointer
        while let current = node, current != root {
            if let sibling = firstElement(current.pointee.next) { return sibling }
            node = current.pointee.parent
        }
        return nil
    }

    private static func firstElement(_ start: xmlNodePtr?) -> xmlNodePtr? {
        var node = start
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE { return current }
            node = current.pointee.next
        }
        return nil
    }

    /// Looks at one element; returns whether to descend into it.
    private mutating func visit(_ node: Node, order: Int, rdfaScopes: inout Set<xmlNodePtr>) -> Bool {
        let first = node.pointer.pointee.name?.pointee ?? 0
        if first == 0x73, node.named("script") {
            if let type = node.attribute("type"), ByteSearch.contains(type.lowercased(), "ld+json") { jsonLD.append(node.ownText) }
            return false
        }
        if (first == 0x73 && (node.named("style") || node.named("svg"))) || (first == 0x6E && node.named("noscript"))
            || (first == 0x74 && node.named("template")) {
            collectSelectedOptions(inside: node)
            return false
        }
        if first == 0x6F, selectedOptions.count < 8, node.named("option"), node.has("selected") { selectedOptions.append(node) }
        if first == 0x6D, node.named("meta") {
            if let key = node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"),
                let content = node.attribute("content") {
                metas.append((key.lowercased(), content))
            }
        } else if first == 0x6C, node.named("link"), canonical == nil, let rel = node.attribute("rel"),
            rel.lowercased().split(separator: " ").contains("canonical") {
            canonical = node.attribute("href")
        } else if first == 0x74, title == nil, node.named("title") {
            title = node
        } else if first == 0x68, headings.count < 8, node.named("h1") {
            headings.append((node, order))
        }
        var hints = Hints()
        var property = node.pointer.pointee.properties
        while let attribute = property {
            if let name = attribute.pointee.name { hints.read(name: name, value: attribute.pointee.children?.pointee.content) }
            property = attribute.pointee.next
        }
        // An item with `itemprop` outside any item (`itemprop="mainEntityOfPage"` on a page without a WebPage
        // item) belongs to nothing: search engines read it as a top-level item, and so does omniaudit.
        if hints.itemscope, !hints.itemprop || !Self.insideItem(node) { microdataRoots.append(node) }
        if hints.itemref { usesItemref = true }
        let insideRDFa = !rdfaScopes.isEmpty && node.parent.map { rdfaScopes.contains($0.pointer) } == true
        if hints.typeof, !insideRDFa { rdfaRoots.append(node) }
        if hints.typeof || insideRDFa { rdfaScopes.insert(node.pointer) }
        let all = hints.words(classAndIDOnly: false), classAndID = hints.words(classAndIDOnly: true)
        if hints.priceAmount || all.contains(.price) { priceElements.append((node, order)) }
        if all.contains(.stock) { stockElements.append((node, order)) }
        if termsElements.count < 32, let kind = TermsKind.allCases.first(where: { classAndID.contains($0.group) }) {
            termsElements.append((node, kind))
        }
        if buttonCandidates.count < 16, !headings.isEmpty, first == 0x62 || first == 0x69, node.named("button") || (node.named("input") && node.attribute("type")?.lowercased() == "submit"),
            classAndID.union(hints.nameWords).contains(.buy) {
            buttonCandidates.append((node, order))
        }
        return true
    }

    /// The selected `option`s inside a part the scan does not read (a `noscript` copy of the variant list).
    private mutating func collectSelectedOptions(inside skipped: Node) {
        var current = Self.next(after: skipped.pointer, descend: true, root: skipped.pointer)
        while let pointer = current, selectedOptions.count < 8 {
            let node = skipped.related(pointer)
            if node.named("option"), node.has("selected") { selectedOptions.append(node) }
            current = Self.next(after: pointer, descend: true, root: skipped.pointer)
        }
    }

    /// True when an ancestor of the element is a microdata item.
    private static func insideItem(_ node: Node) -> Bool {
        var current = node.parent
        while let element = current {
            if element.has("itemscope") { return true }
            current = element.parent
        }
        return false
    }

    /// The content of the first meta with one of the keys.
    func meta(_ keys: String...) -> (key: String, content: String)? {
        for key in keys { if let found = metas.first(where: { $0.key == key }) { return found } }
        return nil
    }
}

/// The attributes of one element that the scan cares about, compared as C strings in place (no allocation).
private struct Hints {
    var itemscope = false, itemprop = false, itemref = false, typeof = false, priceAmount = false
    /// The hint words found in the class and id, in itemprop, property and data-price-type, and in name.
    var classAndIDWords = HintGroups(), otherWords = HintGroups(), nameWords = HintGroups()

    mutating func read(name: UnsafePointer<xmlChar>, value: UnsafePointer<xmlChar>?) {
        let attribute = UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)
        switch attribute.pointee {
        case 0x63 where strcmp(attribute, "class") == 0: classAndIDWords.formUnion(HintGroups.found(in: value))
        case 0x69 where strcmp(attribute, "id") == 0: classAndIDWords.formUnion(HintGroups.found(in: value))
        case 0x69 where strcmp(attribute, "itemprop") == 0:
            itemprop = true
            otherWords.formUnion(HintGroups.found(in: value))
        case 0x69 where strcmp(attribute, "itemscope") == 0: itemscope = true
        case 0x69 where strcmp(attribute, "itemref") == 0: itemref = true
        case 0x70 where strcmp(attribute, "property") == 0: otherWords.formUnion(HintGroups.found(in: value))
        case 0x74 where strcmp(attribute, "typeof") == 0: typeof = true
        case 0x64 where strcmp(attribute, "data-price-type") == 0: otherWords.formUnion(HintGroups.found(in: value))
        case 0x64 where strcmp(attribute, "data-price-amount") == 0: priceAmount = true
        case 0x6E where strcmp(attribute, "name") == 0: nameWords.formUnion(HintGroups.found(in: value))
        default: break
        }
    }

    /// The groups whose words a relevant attribute value contains (ASCII, case-insensitive).
    func words(classAndIDOnly: Bool) -> HintGroups {
        classAndIDOnly ? classAndIDWords : classAndIDWords.union(otherWords)
    }
}

/// Groups of hint words (price, stock, the terms kinds, buy) that an attribute value contains, found in one
/// pass over the value: every position is compared only with the words that begin with its letter.
struct HintGroups: OptionSet {
    let rawValue: UInt8
    static let price = HintGroups(rawValue: 1), stock = HintGroups(rawValue: 2), shipping = HintGroups(rawValue: 4)
    static let returns = HintGroups(rawValue: 8), payment = HintGroups(rawValue: 16), buy = HintGroups(rawValue: 32)

    /// The words of every group, by first letter, in flat storage read through pointers in the hot loop.
    private static let table = HintTable([
        (PageScan.priceHints, .price), (PageScan.stockHints, .stock), (PageScan.TermsKind.shippingHints, .shipping),
        (PageScan.TermsKind.returnHints, .returns), (PageScan.TermsKind.paymentHints, .payment), (PageScan.buyHints, .buy),
    ])

    /// The groups with a word in the NUL-terminated value (ASCII letters compared in lower case).
    static func found(in value: UnsafePointer<xmlChar>?) -> HintGroups {
        guard var cursor = value else { return [] }
        let table = Self.table
        var found: UInt8 = 0
        while cursor.pointee != 0 {
            let byte = cursor.pointee
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            let second = cursor[1] >= 0x41 && cursor[1] <= 0x5A ? cursor[1] | 0x20 : cursor[1]
            // Most positions start no word: their first two letters begin none (one bit per pair).
            if lower < 0x80, second < 0x80, table.pairs[Int(lower) << 7 | Int(second)] != 0 {
                var entry = Int(table.firstEntry[Int(lower)])
                let end = Int(table.firstEntry[Int(lower) + 1])
                while entry < end {
                    let group = table.groups[entry]
                    if found & group == 0, matches(table.words + Int(table.offsets[entry]), at: cursor) { found |= group }
                    entry += 1
                }
            }
            cursor += 1
        }
        return HintGroups(rawValue: found)
    }

    /// True when the NUL-terminated lower-case word (its first byte already compared) starts at `start`.
    @inline(__always)
    private static func matches(_ word: UnsafePointer<UInt8>, at start: UnsafePointer<xmlChar>) -> Bool {
        var index = 1
        while word[index] != 0 {
            let byte = start[index]
            if byte == 0 { return false }
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != word[index] { return false }
            index += 1
        }
        return true
    }
}

/// The hint words in flat storage: each NUL-terminated in `words`, listed by first letter (`firstEntry[c]` to
/// `firstEntry[c + 1]`) with their offset and group. Built once and never changed, hence `@unchecked Sendable`.
private struct HintTable: @unchecked Sendable {
    let words: UnsafeMutablePointer<UInt8>
    let offsets: UnsafeMutablePointer<Int32>
    let groups: UnsafeMutablePointer<UInt8>
    let firstEntry: UnsafeMutablePointer<Int32>
    /// 1 for each pair of first two bytes (`first << 7 | second`, ASCII) that begins a word.
    let pairs: UnsafeMutablePointer<UInt8>

    init(_ lists: [(words: [StaticString], group: HintGroups)]) {
        var entries: [(word: [UInt8], group: UInt8)] = []
        for (words, group) in lists {
            for word in words { entries.append((Array(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)), group.rawValue)) }
        }
        entries.sort { $0.word[0] < $1.word[0] }
        let size = entries.reduce(0) { $0 + $1.word.count + 1 }
        words = .allocate(capacity: size)
        offsets = .allocate(capacity: entries.count)
        groups = .allocate(capacity: entries.count)
        firstEntry = .allocate(capacity: 129)
        var offset = 0
        for (index, entry) in entries.enumerated() {
            for (position, byte) in entry.word.enumerated() { words[offset + position] = byte }
            words[offset + entry.word.count] = 0
            offsets[index] = Int32(offset)
            groups[index] = entry.group
            offset += entry.word.count + 1
        }
        pairs = .allocate(capacity: 128 * 128)
        pairs.initialize(repeating: 0, count: 128 * 128)
        for entry in entries { pairs[Int(entry.word[0]) << 7 | Int(entry.word[1])] = 1 }
        for letter in 0...128 {
            firstEntry[letter] = Int32(entries.firstIndex { Int($0.word[0]) >= letter } ?? entries.count)
        }
    }
}
