/// Words (lower-cased) that give a number in a price text its role, in Italian, English, German, French and
/// Spanish, in tables the scanner's word keys are looked up in.
enum PriceWords {
    /// Before the current price: "ora 39,90 €", "now £12", "jetzt 9,99 €".
    static let current = WordTable([
        "now", "ora", "adesso", "oggi", "jetzt", "nur", "maintenant", "ahora", "sale", "offerta", "offer",
        "scontato", "promo", "special", "sonderpreis", "aktionspreis", "seulement", "soldé", "solo", "only",
        "today", "deal", "prezzo", "price", "preis", "prix", "precio", "angebot",
    ])
    /// Before a former or reference price: "was £20", "invece di 49,90 €", "statt 19,99 €", "UVP".
    static let previous = WordTable([
        "was", "prima", "invece", "anziché", "anziche", "statt", "anstatt", "uvp", "rrp", "msrp", "lieu", "antes",
        "era", "before", "regular", "reg", "list", "listino", "consigliato", "original", "originale", "vorher",
        "ursprünglich", "barré", "anterior", "alt", "ancien", "normalpreis", "value", "retail", "compare",
    ])
    /// Before a "from" price: "a partire da 9,90 €", "ab 19 €", "dès 5 €", "desde 10 €", "from $5".
    static let from = WordTable(["partire", "from", "ab", "dès", "des", "desde", "starting", "starts", "da"])
    /// Between the ends of a range: "9,90 – 19,90 €", "da 9,90 a 19,90 €", "10 to 20", "10 bis 20".
    static let rangeJoiners = WordTable(["a", "to", "bis", "à", "al", "hasta", "até", "ate", "and", "e", "y"])
    /// Measures after a number that make it not a price: "1kg", "500 ml", "93000 miles", "2 x".
    static let measures = WordTable([
        "kg", "g", "gr", "grammi", "gramm", "mg", "hg", "lb", "lbs", "oz", "l", "lt", "ml", "cl", "dl", "cm", "mm",
        "m", "km", "mi", "miles", "mile", "meilen", "ft", "in", "inch", "pollici", "zoll", "gb", "tb", "mb", "kb",
        "w", "kw", "kwh", "v", "mah", "hz", "ghz", "mhz", "x", "pz", "pezzi", "pezzo", "pcs", "pc", "stück", "stk",
        "st", "pièces", "unità", "units", "unit", "h", "ore", "hours", "giorni", "days", "tage", "jours", "días",
        "dias", "min", "minuti", "minutes", "anni", "years", "mesi", "months", "cm²", "m²", "mq", "ct", "karat",
        "piani", "posti", "persone", "people", "litri", "liters", "litres", "metri", "meters",
    ])
    /// Units of a unit price: "2,50 €/kg", "€ 1,20 al litro", "3,96 € per 100 g".
    static let unitWords = WordTable([
        "kg", "g", "gr", "hg", "l", "lt", "ml", "cl", "m", "mq", "m²", "litro", "litre", "liter", "chilo", "kilo",
        "pz", "pezzo", "stk", "stück", "unit", "unità", "pc", "lb", "oz", "ct", "metro", "meter",
    ])
    /// Before a unit: "al kg", "per kg", "pro kg", "le kg", "je Liter".
    static let unitIntroducers = WordTable(["al", "per", "pro", "je", "le", "la", "a", "the", "por", "il"])
    /// After a number: "4,8 su 5", "4.5 out of 5", "4 von 5", "4 sur 5", "4 de 5", "stelle", "stars".
    static let ratingFollowers = WordTable([
        "su", "of", "out", "von", "sur", "de", "sobre", "stelle", "stella", "stars", "star", "sterne", "étoiles",
        "estrellas", "recensioni", "reviews", "bewertungen", "avis", "reseñas", "voti", "ratings", "valutazioni",
    ])
    /// After a `/` on a whole price: per piece, which is the price itself (`25.00/ea`, `9,90 €/pz`).
    static let perItem = WordTable([
        "ea", "each", "pc", "pcs", "piece", "pz", "pezzo", "st", "stk", "stück", "unit", "item", "szt", "ks", "kpl",
        "un", "und", "unid", "unidad", "pce", "pièce", "stuk",
    ])
    /// A price field that says only this is free: an amount of 0 (`Free`, `Gratis`, `Gratuit` …).
    /// After "free": the text is a free-shipping offer, and its amount a threshold ("Free shipping on orders $49+").
    static let shipping = WordTable([
        "shipping", "delivery", "postage", "livraison", "versand", "lieferung", "spedizione", "spedizioni", "consegna",
        "envío", "envio", "frete", "verzending", "bezorging", "wysyłka", "dostawa", "doprava", "fragt", "frakt",
    ])
    /// Words that make an amount a minimum order ("on orders over $49", "ab 50 €", "dès 60 €").
    static let threshold = WordTable([
        "orders", "order", "over", "above", "minimum", "min", "ab", "über", "dès", "des", "desde", "oltre", "sopra",
        "partir", "acima", "vanaf", "powyżej", "od",
    ])
    static let free = WordTable(["free", "gratis", "gratuit", "gratuite", "kostenlos", "gratuito", "gratuita", "omaggio", "grátis", "zdarma", "darmowy", "ücretsiz", "gratuitement"])
    /// Before a number that is a phone, order or article number, or a year.
    static let identifierIntroducers = WordTable([
        "tel", "telefono", "phone", "telefon", "téléphone", "teléfono", "call", "chiama", "whatsapp", "fax",
        "cell", "mobile", "n", "nr", "no", "num", "numero", "ordine", "order", "bestellung", "commande", "pedido",
        "art", "sku", "cod", "codice", "code", "ref", "rif", "tracking", "id", "iva", "p", "partita", "vat",
        "anno", "year", "jahr", "année", "año", "since", "dal", "seit", "depuis", "copyright", "model", "modello",
        "заказ", "заказа",
    ])
}
