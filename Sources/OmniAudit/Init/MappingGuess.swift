import Extract

/// Guesses a feed's field mapping from the names its items use, for fields whose standard Merchant name is
/// absent: `pricing.sale` for the price, `stock.qty` for the stock, `codice` for the sku.
enum MappingGuess {
    /// Candidate names per field, the most specific first; a candidate also matches the last part of a path.
    static let candidates: [(JSONFeedExtractor.Field, [String])] = [
        (.sku, ["id", "sku", "item_id", "product_id", "codice", "code", "articolo", "ref"]),
        (.gtin, ["gtin", "ean", "gtin13", "barcode", "upc"]),
        (.mpn, ["mpn"]),
        (.url, ["link", "url", "links.web", "permalink", "product_url"]),
        (.title, ["title", "name", "nome", "product_name", "titolo"]),
        (.price, ["price", "pricing.sale", "sale", "prezzo", "current_price", "price.amount", "amount"]),
        (.listPrice, ["list_price", "pricing.list", "regular_price", "prezzo_listino", "list"]),
        (.currency, ["currency", "pricing.currency", "valuta"]),
        (.availability, ["availability", "stock.status", "status", "disponibilita", "availability_status"]),
        (.stock, ["quantity", "stock.qty", "qty", "giacenza", "stock", "inventory"]),
        (.store, ["store_code", "store", "negozio", "store_id", "punto_vendita"]),
    ]

    /// The mapping for fields whose standard name is missing but a candidate is present; empty when the
    /// standard names serve.
    static func mapping(for names: [String]) -> [JSONFeedExtractor.Field: String] {
        let present = Set(names)
        var mapping: [JSONFeedExtractor.Field: String] = [:]
        var used: Set<String> = []
        for (field, options) in candidates {
            if let standard = StandardFields.names[field], present.contains(standard) {
                used.insert(standard)
                continue
            }
            let exact = options.first { present.contains($0) && !used.contains($0) }
            let suffix = exact == nil ? names.first { name in
                !used.contains(name) && options.contains { name.hasSuffix("." + $0) }
            } : nil
            if let found = exact ?? suffix {
                mapping[field] = found
                used.insert(found)
            }
        }
        // A JSON mapping reads only the fields it names: once there is one, it names the standard ones too.
        if !mapping.isEmpty {
            for (field, name) in StandardFields.names where mapping[field] == nil && present.contains(name) { mapping[field] = name }
        }
        return mapping
    }
}
