/// The generated CLDR currency data (`CLDRCurrencies`, made by `scripts/generate-cldr-currencies.swift`) read
/// once into tables.
enum CLDR {
    /// Every ISO 4217 code, current and historical.
    static let isoCodes: [String] = CLDRCurrencies.isoCodes.split(separator: " ").map(String.init)

    /// Each symbol some locale writes, with the codes it stands for (sorted).
    static let symbols: [(symbol: String, codes: [String])] = CLDRCurrencies.symbols.split(separator: "\n").compactMap { line in
        let fields = line.split(separator: "\t")
        guard fields.count == 2 else { return nil }
        return (String(fields[0].drop(while: { $0 == " " })), fields[1].split(separator: ",").map(String.init))
    }

    /// Each region's currency (`PE` → `PEN`).
    static let regions: [(region: String, code: String)] = CLDRCurrencies.regions.split(separator: " ").compactMap { pair in
        let fields = pair.split(separator: "=")
        return fields.count == 2 ? (String(fields[0]), String(fields[1])) : nil
    }

    /// `regions` as a lookup.
    static let regionCurrency: [String: String] = Dictionary(regions.map { ($0.region, $0.code) }, uniquingKeysWith: { first, _ in first })

    /// The codes in use today: the currency of some region.
    static let currentCodes: [String] = Set(regions.map(\.code)).sorted()

    /// Codes some locale writes with a `$`.
    static let dollarLike: [String] = CLDRCurrencies.dollarLike.split(separator: " ").map(String.init)
}
