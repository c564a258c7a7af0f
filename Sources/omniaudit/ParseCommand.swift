import ArgumentParser
import Foundation
import Normalize

/// `omniaudit parse`: runs one normaliser on text and prints what it read, to debug normalisation.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse", abstract: "Show how omniaudit reads a price, availability or terms text.",
        subcommands: [Price.self, Availability.self, Shipping.self, Returns.self, Payment.self, Promo.self,
                      DateWindow.self])

    /// `omniaudit parse price TEXT` or `omniaudit parse price --jsonl` (stdin → stdout, one line each).
    struct Price: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a price: amount, ISO currency and the currency token as written.")

        @Argument(help: "The price text, e.g. \"1.299,00 €\" (omit with --jsonl).")
        var text: String?

        @Option(name: .long, help: "The currency the text is in (ISO code), resolves $ and kr.")
        var currencyHint: String?

        @Option(name: .long, help: "The decimal separator to assume for 1.299: , or .")
        var decimalSeparator: String?

        @Option(name: .long, help: "The shop's locale, e.g. it-IT.")
        var locale: String?

        @Flag(name: .long, help: "Read JSON lines {\"text\", \"currency_hint\", \"decimal_separator_hint\"} on stdin.")
        var jsonl = false

        func validate() throws {
            if jsonl == (text != nil) { throw ValidationError("give either TEXT or --jsonl") }
            if let decimalSeparator, decimalSeparator != ",", decimalSeparator != "." {
                throw ValidationError("--decimal-separator must be , or .")
            }
        }

        func run() throws {
            if jsonl {
                JSONLinesRunner.run(PriceLineProcessor(locale: locale, currencyHint: currencyHint,
                                                       decimalSeparatorHint: decimalSeparator?.first))
                return
            }
            let parser = PriceParser(decimalSeparatorHint: decimalSeparator?.first, currencyHint: currencyHint,
                                     locale: locale)
            try ParseOutput.print(parser.parse(text ?? ""))
        }
    }

    /// `omniaudit parse availability TEXT`.
    struct Availability: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read an availability value or phrase.")
        @Argument(help: "e.g. \"Solo 3 pezzi disponibili\" or https://schema.org/InStock") var text: String
        func run() throws { try ParseOutput.print(AvailabilityParser.parse(text)) }
    }

    /// `omniaudit parse shipping TEXT`.
    struct Shipping: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read shipping cost, free-over threshold and days.")
        @Argument(help: "e.g. \"Spedizione gratuita sopra i 49 €, consegna in 2-4 giorni lavorativi\"") var text: String
        @Option(name: .long, help: "The shop currency (ISO code), for amounts without one and free = 0.")
        var currency: String?
        @Option(name: .long, help: "The shop's locale, e.g. it-IT.") var locale: String?
        func run() throws { try ParseOutput.print(ShippingParser(defaultCurrency: currency, locale: locale).parse(text)) }
    }

    /// `omniaudit parse returns TEXT`.
    struct Returns: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read the return window and whether it is free.")
        @Argument(help: "e.g. \"Reso gratuito entro 30 giorni\"") var text: String
        func run() throws { try ParseOutput.print(ReturnsParser.parse(text)) }
    }

    /// `omniaudit parse payment TEXT`.
    struct Payment: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read payment methods as one canonical set.")
        @Argument(help: "e.g. \"Paga con PayPal, Visa, Mastercard o in contrassegno\"") var text: String
        func run() throws { try ParseOutput.print(PaymentParser.parse(text)) }
    }

    /// `omniaudit parse promo TEXT`.
    struct Promo: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read percent/amount off and promo codes.")
        @Argument(help: "e.g. \"20% di sconto con il codice NATALE20\" (put -- before a text starting with -)")
        var text: String
        @Option(name: .long, help: "The shop currency (ISO code), for amounts without one.") var currency: String?
        @Option(name: .long, help: "The shop's locale, e.g. it-IT.") var locale: String?
        func run() throws { try ParseOutput.print(PromoParser(defaultCurrency: currency, locale: locale).parse(text)) }
    }

    /// `omniaudit parse date TEXT`.
    struct DateWindow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "date", abstract: "Read a date or a validity window.")
        @Argument(help: "e.g. \"valido fino al 31/12\" or 2026-11-20T00:00+01:00/2026-11-30T23:59+01:00")
        var text: String
        @Option(name: .long, help: "The shop's time zone, e.g. Europe/Rome.") var timezone = "UTC"
        @Option(name: .long, help: "Reference date for year-less dates (YYYY-MM-DD), default today.")
        var reference: String?
        func run() throws {
            guard let zone = TimeZone(identifier: timezone) else { throw ValidationError("unknown --timezone") }
            let parser = DateWindowParser(timeZone: zone, reference: reference.flatMap { DateWindowParser.day($0) } ?? Date())
            try ParseOutput.print(parser.parse(text))
        }
    }
}

/// Prints a value as pretty, sorted JSON.
enum ParseOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}
