import Foundation

/// The locale a page is written for, when the shop's configuration names none: the language and region of the
/// root element's `lang`, else of `og:locale`, the region else from the country-code domain of the page's URL
/// (`.ca`, `.com.au`, `.co.uk`). It resolves `$`, `kr` and `¥` and the decimal mark of visible prices.
enum PageLocale {
    /// `ll-RR`, `ll` or `und-RR`, nil when the page says nothing.
    static func guess(language: String?, ogLocale: String?, urls: [String]) -> String? {
        let declared = [language, ogLocale].compactMap { $0 }.map(parts)
        let lang = declared.lazy.compactMap(\.language).first
        let region = declared.lazy.compactMap(\.region).first ?? urls.lazy.compactMap(domainRegion).first
        switch (lang, region) {
        case (let lang?, let region?): return "\(lang)-\(region)"
        case (let lang?, nil): return lang
        case (nil, let region?): return "und-\(region)"
        default: return nil
        }
    }

    private static func parts(_ identifier: String) -> (language: String?, region: String?) {
        let pieces = identifier.split(whereSeparator: { $0 == "-" || $0 == "_" })
        let language = pieces.first.map { $0.lowercased() }.flatMap { $0.count == 2 || $0.count == 3 ? $0 : nil }
        let region = pieces.dropFirst().first { $0.count == 2 && $0.allSatisfy(\.isLetter) }.map { $0.uppercased() }
        return (language, region)
    }

    /// The region of a country-code top-level domain (`uk` is GB; generic domains have none).
    static func domainRegion(_ url: String) -> String? {
        guard let host = URL(string: url)?.host?.lowercased(), let tld = host.split(separator: ".").last, tld.count == 2,
            tld.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return nil }
        let code = tld.uppercased()
        if code == "UK" { return "GB" }
        return ["EU", "IO", "AI", "CO", "TV", "ME", "FM", "AM", "LY", "GG", "SH", "AC", "CC", "WS", "TO", "IM"].contains(code) && !host.contains(".co.") && !host.contains(".com.") ? nil : code
    }
}
