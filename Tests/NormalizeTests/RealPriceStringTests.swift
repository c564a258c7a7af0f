import Foundation
import Testing

@testable import Normalize

/// Scores the price parser on 1,169 price strings as real pages print them, collected from a random sample of
/// shops and labelled by hand by price-parser's authors (`fixtures/prices/real-strings/`, BSD-3-Clause), and on
/// the 90 price strings of the real pages' price blocks, checked by hand (`fixtures/prices/page-strings/`). The
/// test fails below the floor; the floor is raised as the score rises, never above what is reached.
@Suite("Real price strings")
struct RealPriceStringTests {
    /// The lowest accepted share right, in per mille, for the amount and for amount and currency token together.
    static let floor = (amount: 997, both: 990)

    struct Row: Decodable {
        let set: String
        let text: String
        let hint: String?
        let currency_raw: String?
        let amount: String?
        let decimal_separator: String?
    }

    /// price-parser's labelled strings, then the hand-checked strings of the 90 real pages' price blocks
    /// (`fixtures/prices/page-strings/`).
    static let files = ["fixtures/prices/real-strings/price-parser-examples.jsonl", "fixtures/prices/page-strings/page-price-strings.jsonl"]

    static let rows: [Row] = files.flatMap { path -> [Row] in
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(path)
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }

    /// A currency token compared loosely: spaces and a first or final dot dropped, case folded (`руб.` = `руб`).
    static func token(_ raw: String?) -> String? {
        guard var text = raw?.filter({ !$0.isWhitespace }), !text.isEmpty else { return nil }
        if text.count > 1, text.hasSuffix(".") { text.removeLast() }
        if text.count > 1, text.hasPrefix(".") { text.removeFirst() }
        return text.lowercased()
    }

    /// The same token, or one the start of the other: the labels keep the stem a regular expression matched
    /// (`руб` in `рублей`, `SGD` in `SGD$`), omniaudit the word as written.
    static func sameToken(_ read: String?, _ label: String?) -> Bool {
        let (a, b) = (token(read), token(label))
        guard let a, let b else { return a == b }
        return a == b || a.hasPrefix(b) || b.hasPrefix(a)
    }

    @Test func scoreHoldsTheFloor() {
        #expect(Self.rows.count >= 1000)
        #expect(Self.rows.filter { $0.set == "real-pages" }.count == 90)
        var amountRight = 0, bothRight = 0
        var pageAmount = 0, pageBoth = 0
        var misses: [String] = []
        for row in Self.rows {
            let mark = row.decimal_separator.flatMap(\.first)
            let result = PriceParser(decimalSeparatorHint: mark, currencyHint: row.hint).parse(row.text)
            let expected = row.amount.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
            let amountOK = result.amount == expected
            let currencyOK = Self.sameToken(result.currencyRaw, row.currency_raw)
            if amountOK { amountRight += 1 }
            if amountOK && currencyOK { bothRight += 1 }
            if row.set == "real-pages", amountOK { pageAmount += 1 }
            if row.set == "real-pages", amountOK && currencyOK { pageBoth += 1 }
            if !(amountOK && currencyOK) {
                misses.append("\(row.set)\t\(row.text)\thint=\(row.hint ?? "-")\twant \(row.amount ?? "nil") \(row.currency_raw ?? "nil")"
                    + "\tgot \(result.exact?.text ?? "nil") \(result.currencyRaw ?? "nil") \(result.reason ?? "")")
            }
        }
        if ProcessInfo.processInfo.environment["OMNIAUDIT_CORPUS_REPORT"] == "1" { print(misses.joined(separator: "\n")) }
        print("real price strings: \(Self.rows.count), amount right \(amountRight), amount and currency right \(bothRight)"
            + " (of them the 90 from the real pages: amount right \(pageAmount), amount and currency right \(pageBoth))")
        #expect(amountRight * 1000 >= Self.floor.amount * Self.rows.count)
        #expect(bothRight * 1000 >= Self.floor.both * Self.rows.count)
    }
}
