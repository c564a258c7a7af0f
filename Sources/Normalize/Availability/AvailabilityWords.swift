import AuditModel

/// The machine values and visible phrases availability is written in (folded: lower-case, no accents).
enum AvailabilityWords {
    /// schema.org (`InStock`, `https://schema.org/OutOfStock`), Merchant (`in stock`, `in_stock`, `preorder`,
    /// `backorder`, legacy `available for order`) and common API values, with spaces removed.
    static let machineValues: [String: Availability] = [
        "instock": .inStock, "outofstock": .outOfStock, "soldout": .outOfStock, "preorder": .preorder,
        "presale": .preorder, "backorder": .backorder, "limitedavailability": .limited,
        "discontinued": .discontinued, "instoreonly": .inStock, "onlineonly": .inStock,
        "availablefororder": .preorder, "available": .inStock, "unavailable": .outOfStock, "true": .inStock,
        "false": .outOfStock, "reserved": .outOfStock, "madetoorder": .backorder, "lowstock": .limited,
        "limited": .limited, "notavailable": .outOfStock, "backordered": .backorder, "preordered": .preorder,
    ]

    /// The phrases as UTF-8 bytes, folded like the text (`AvailabilityParser.fold`), keeping a phrase's
    /// surrounding spaces, in the same order, for the byte search.
    static let phraseBytes: [[UInt8]] = phrases.map { phrase, _ in
        let inner = AvailabilityParser.fold(phrase)
        return Array(((phrase.hasPrefix(" ") ? " " : "") + inner + (phrase.hasSuffix(" ") ? " " : "")).utf8)
    }

    /// Phrases in Dutch, Portuguese, Polish, Czech, Slovak, Slovenian, Swedish, Danish, Norwegian, Finnish,
    /// Turkish, Russian, Arabic, Hebrew, Japanese and Korean; negative ones come before the positive ones
    /// they contain. Japanese and Korean phrases match inside words (no spaces between words there).
    static let morePhrases: (negative: [(String, Availability)], positive: [(String, Availability)]) = (
        [
            (" momenteel niet leverbaar ", .outOfStock), (" niet leverbaar ", .outOfStock), (" uitverkocht ", .outOfStock),
            (" niet op voorraad ", .outOfStock), (" tijdelijk uitverkocht ", .outOfStock),
            (" indisponivel ", .outOfStock), (" esgotado", .outOfStock), (" sem estoque ", .outOfStock), (" sem stock ", .outOfStock),
            (" niedostepny ", .outOfStock), (" niedostepne ", .outOfStock), (" brak w magazynie ", .outOfStock),
            (" wyprzedane ", .outOfStock), (" wyprzedany ", .outOfStock), (" brak towaru ", .outOfStock),
            (" vyprodano ", .outOfStock), (" neni skladem ", .outOfStock), (" nedostupne ", .outOfStock),
            (" nie je skladom ", .outOfStock), (" vypredane ", .outOfStock), (" nie je na sklade ", .outOfStock),
            (" ni na zalogi ", .outOfStock), (" razprodano ", .outOfStock),
            (" slutsald ", .outOfStock), (" ej i lager ", .outOfStock), (" tillfalligt slut ", .outOfStock),
            (" udsolgt ", .outOfStock), (" ikke pa lager ", .outOfStock), (" utsolgt ", .outOfStock),
            (" loppuunmyyty ", .outOfStock), (" ei varastossa ", .outOfStock), (" loppu varastosta ", .outOfStock),
            (" tukendi ", .outOfStock), (" stokta yok ", .outOfStock), (" stokta bulunmamaktadir ", .outOfStock),
            (" нет в наличии ", .outOfStock), (" распродано ", .outOfStock), (" под заказ ", .backorder),
            (" غير متوفر", .outOfStock), (" نفدت الكمية ", .outOfStock), (" نفذت الكمية ", .outOfStock), (" غير متاح ", .outOfStock),
            (" אזל מהמלאי ", .outOfStock), (" אזל ", .outOfStock), (" לא במלאי ", .outOfStock),
            ("在庫切れ", .outOfStock), ("売り切れ", .outOfStock), ("品切れ", .outOfStock), ("缺貨", .outOfStock), ("售完", .outOfStock),
            ("缺货", .outOfStock), ("품절", .outOfStock), ("재고 없음", .outOfStock),
        ],
        [
            (" not sold ", .inStock), (" op voorraad ", .inStock), (" leverbaar ", .inStock), (" em estoque ", .inStock),
            (" disponivel ", .inStock), (" dostepny ", .inStock), (" w magazynie ", .inStock), (" skladem ", .inStock),
            (" na sklade ", .inStock), (" skladom ", .inStock), (" na zalogi ", .inStock), (" i lager ", .inStock),
            (" pa lager ", .inStock), (" varastossa ", .inStock), (" stokta ", .inStock), (" в наличии ", .inStock),
            (" متوفر", .inStock), (" متاح ", .inStock), (" במלאי ", .inStock), ("在庫あり", .inStock), ("有現貨", .inStock),
            ("有货", .inStock), ("재고 있음", .inStock), (" usually ships ", .inStock), (" usually dispatched ", .inStock),
            (" habituellement expedie ", .inStock), (" normalmente spedito ", .inStock), (" gewohnlich versandfertig ", .inStock),
        ]
    )

    /// Visible phrases (with a space on each side), most specific first ("non disponibile" before "disponibile").
    static let phrases: [(String, Availability)] = morePhrases.negative + basePhrases + morePhrases.positive

    /// Italian, English, German, French and Spanish.
    static let basePhrases: [(String, Availability)] = [
        (" nicht mehr lieferbar ", .discontinued), (" nicht mehr verfugbar ", .discontinued),
        (" torna disponibile ", .outOfStock), (" back in stock ", .outOfStock), (" wieder verfugbar ", .outOfStock),
        (" non disponibile ", .outOfStock), (" non piu disponibile ", .discontinued), (" fuori produzione ", .discontinued),
        (" esaurit", .outOfStock), (" non disponibili ", .outOfStock), (" out of stock ", .outOfStock),
        (" sold out ", .outOfStock), (" currently unavailable ", .outOfStock), (" not available ", .outOfStock),
        (" unavailable ", .outOfStock), (" no longer available ", .discontinued), (" discontinued ", .discontinued),
        (" ausverkauft ", .outOfStock), (" nicht verfugbar ", .outOfStock), (" nicht auf lager ", .outOfStock),
        (" nicht lieferbar ", .outOfStock), (" derzeit nicht ", .outOfStock), (" rupture de stock ", .outOfStock),
        (" epuise", .outOfStock), (" indisponible ", .outOfStock), (" en rupture ", .outOfStock),
        (" agotado", .outOfStock), (" sin stock ", .outOfStock), (" no disponible ", .outOfStock),
        (" agotada", .outOfStock), (" preordine ", .preorder), (" pre ordine ", .preorder), (" preorder ", .preorder),
        (" pre order ", .preorder), (" prenota ", .preorder), (" vorbestell", .preorder), (" precommande ", .preorder),
        (" pre commande ", .preorder), (" en precommande ", .preorder), (" reserva ", .preorder), (" preventa ", .preorder),
        (" backorder", .backorder), (" su ordinazione ", .backorder), (" in arrivo ", .backorder),
        (" disponibile su ordinazione ", .backorder), (" nachbestellt ", .backorder), (" in riassortimento ", .backorder),
        (" ultimi ", .limited), (" ultimo pezzo ", .limited), (" ultima disponibilita ", .limited),
        (" ultime ", .limited), (" pochi pezzi ", .limited), (" scorte limitate ", .limited), (" only ", .limited),
        (" few left ", .limited), (" low stock ", .limited), (" limited stock ", .limited), (" nur noch ", .limited),
        (" wenige ", .limited), (" plus que ", .limited), (" derniers ", .limited), (" dernieres ", .limited),
        (" stock limite ", .limited), (" ultimas ", .limited), (" ultimos ", .limited), (" quedan ", .limited),
        (" solo quedan ", .limited), (" pocas unidades ", .limited),
        (" disponibil", .inStock), (" in stock ", .inStock), (" available ", .inStock), (" auf lager ", .inStock),
        (" lieferbar ", .inStock), (" verfugbar ", .inStock), (" sofort ", .inStock), (" en stock ", .inStock),
        (" disponible ", .inStock), (" en existencia ", .inStock), (" in magazzino ", .inStock), (" pronta consegna ", .inStock),
        (" spedizione immediata ", .inStock), (" ships today ", .inStock),
    ]
}

/// Stated stock counts: "solo 8 rimasti", "ultimi 3 pezzi", "only 2 left", "nur noch 2", "plus que 3",
/// "quedan 4", "12 disponibili", "3 in stock", "Disponibilità: 5".
enum AvailabilityCount {
    static let countWords: Set<String> = [
        "solo", "ultimi", "ultime", "ultimo", "ultima", "only", "rimasti", "rimaste", "pezzi", "pezzo", "pz",
        "left", "noch", "stuck", "que", "restants", "restantes", "quedan", "unidades", "disponibili",
        "disponibile", "disponibilita", "stock", "lager", "available", "items", "pieces", "pcs", "articles",
        "exemplaires", "verfugbar", "derniers", "dernieres", "ultimas", "ultimos", "qty", "quantita", "stuk",
        "rimangono", "rimane", "restano", "resta",
    ]
    static let fewLeftMarkers = [
        " solo ", " ultimi ", " ultime ", " ultimo ", " ultima ", " only ", " left ", " rimast", " nur noch ",
        " plus que ", " derniers ", " dernieres ", " quedan ", " ultimas ", " ultimos ", " wenige ", " few ",
        " rimangono ", " rimane ", " restano ", " in esaurimento ",
    ]
    /// Words that introduce a total ("12 of 50 left"): the number after them is not the count.
    static let totalWords: Set<String> = ["of", "di", "su", "von", "sur", "de"]

    /// The integer next to a count word (within two words either side).
    static func find(in padded: String) -> Int? {
        guard padded.contains(where: \.isNumber) else { return nil }
        let words = padded.split(separator: " ")
        for (index, word) in words.enumerated() where countWords.contains(String(word)) {
            for position in max(0, index - 3)...min(words.count - 1, index + 2) {
                let candidate = words[position]
                if position > 0, totalWords.contains(String(words[position - 1])) { continue }
                if candidate.count <= 6, let value = Int(candidate) { return value }
            }
        }
        return nil
    }

    /// "only N left" phrasing (→ `limited`).
    static func isFewLeft(_ padded: String) -> Bool { fewLeftMarkers.contains { padded.contains($0) } }
}
