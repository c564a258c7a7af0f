import CLibXML2

/// The text of a price element as a customer reads it when the theme splits the number over elements for styling:
/// `$229<span class="cents">99</span>` shows $229⁹⁹ and `<span>87<span>.</span></span><span>11</span>` shows 87.11,
/// where the plain visible text (`visibleText`, parts joined by spaces) reads "$229 99" and "87 . 11": two numbers.
extension PriceBlockReader {
    /// The visible text with the parts of a split number joined: digits and a decimal mark written against each
    /// other across elements are one number, and two digits set in their own element right after the whole part
    /// are its cents (the decimal mark put between is the one the whole part does not use to group).
    static func priceText(_ node: Node) -> String {
        var parts: [(text: String, parent: xmlNodePtr?)] = []
        func walk(_ element: Node) {
            var child = element.pointer.pointee.children
            while let current = child {
                if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                    parts.append((String(cString: content), current.pointee.parent))
                } else if current.pointee.type == XML_ELEMENT_NODE {
                    let kid = element.related(current)
                    if !kid.named("script"), !kid.named("style"), !isHidden(kid) { walk(kid) }
                }
                child = current.pointee.next
            }
        }
        walk(node)
        var text = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { text += joiner(after: parts[index - 1], before: part) }
            text += part.text
        }
        return Node.collapse(text)
    }

    /// What goes between two text parts: nothing inside a split number, a decimal mark before split-off cents,
    /// else a space (as `visibleText` joins them).
    private static func joiner(after previous: (text: String, parent: xmlNodePtr?), before next: (text: String, parent: xmlNodePtr?)) -> String {
        guard let last = previous.text.unicodeScalars.last, let first = next.text.unicodeScalars.first,
            !last.properties.isWhitespace, !first.properties.isWhitespace else { return " " }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
        func isMark(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "," }
        if (isDigit(last) && isMark(first)) || (isMark(last) && isDigit(first)) { return "" }
        let cents = next.text.unicodeScalars.count == 2 && next.text.unicodeScalars.allSatisfy(isDigit)
        guard isDigit(last), cents, previous.parent != next.parent else { return " " }
        // The whole part's own grouping mark is not its decimal mark: `1.229` + `99` is 1.229,99.
        let whole = previous.text.unicodeScalars.reversed().prefix { isDigit($0) || isMark($0) }
        return whole.contains(".") ? "," : "."
    }
}

extension PriceBlockReader {
    /// True when the element's digits are one number split over its children: its price text holds one run of
    /// digits and marks where the plain visible text holds several.
    static func isSplitNumber(_ node: Node) -> Bool {
        func numbers(_ text: String) -> Int {
            var count = 0
            var inNumber = false
            for scalar in text.unicodeScalars {
                let numeric = (scalar.value >= 0x30 && scalar.value <= 0x39) || ((scalar == "." || scalar == ",") && inNumber)
                if numeric && !inNumber { count += 1 }
                inNumber = numeric
            }
            return count
        }
        return numbers(priceText(node)) == 1 && numbers(visibleText(node)) > 1
    }
}

extension PriceBlockReader {
    /// Words that make an amount a saving ("Save €90.00", "Sie sparen 20 €", "Risparmi 10 €").
    static let savingWords = ["save ", "saving", "you save", "sparen", "sparst", "ersparnis", "risparmi", "économise", "economise",
                              "ahorra", "ahorro", "poupa", "bespaar", "oszczędzasz"]
    /// Words that make an amount a shipping cost ("0€ Versandkosten", "Shipping: £4.95").
    static let shippingWords = ["shipping", "delivery", "postage", "livraison", "versand", "lieferung", "spedizion", "consegna",
                                "envío", "envio", "frete", "verzend", "bezorg", "wysyłk", "dostaw", "doprava", "fragt", "frakt"]
    /// What says a shipping word only adds to the price beside it ("19,99 € zzgl. Versand", "49,90 € + spedizione").
    static let besidePriceWords = ["zzgl", "plus", "+", "inkl", "incl", "excl", "hors", "escl", "esclus", "sin ", "senza", "ohne"]

    /// True for the text of an amount that is not the product's price: a saving, or a shipping cost on its own line.
    static func isSavingOrShipping(_ text: String) -> Bool {
        let lower = text.lowercased()
        if savingWords.contains(where: { lower.hasPrefix($0) || lower.contains(" " + $0) }) { return true }
        return shippingWords.contains(where: lower.contains) && !besidePriceWords.contains(where: lower.contains)
    }
}
