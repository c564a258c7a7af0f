import Foundation

/// A date found in text: year (nil when not written), month, day, an optional time and UTC offset in seconds,
/// and where it starts in the folded text.
struct DateMention: Sendable {
    var year: Int?
    var month: Int
    var day: Int
    var hour: Int?
    var minute: Int?
    var second: Int?
    var offsetSeconds: Int?
    var position: Int
}

/// Month names and abbreviations in Italian, English, German, French and Spanish (folded: no accents).
enum MonthNames {
    static let table: [String: Int] = {
        var table: [String: Int] = [:]
        let lists: [[String]] = [
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
             "novembre", "dicembre"],
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december"],
            ["januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september", "oktober",
             "november", "dezember"],
            ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
             "novembre", "decembre"],
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"],
            ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sept", "okt", "nov", "dez"],
            ["janv", "fevr", "mars", "avr", "mai", "juin", "juil", "aout", "sept", "oct", "nov", "dec"],
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
        ]
        for list in lists {
            for (index, name) in list.enumerated() where table[name] == nil { table[name] = index + 1 }
        }
        return table
    }()
}
