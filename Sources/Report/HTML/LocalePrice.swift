import AuditModel
import Foundation

/// Shows amounts as the shop's locale writes them (`1.299,00 €` for it-IT), with the machine value kept for a
/// hover title, so QA people read prices as customers see them.
struct LocalePrice {
    private let formatter: NumberFormatter?

    /// A formatter for a BCP 47 locale such as `it-IT`; nil keeps the machine form.
    init(locale: String?) {
        guard let locale else {
            formatter = nil
            return
        }
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: locale.replacingOccurrences(of: "-", with: "_"))
        formatter.numberStyle = .currency
        self.formatter = formatter
    }

    /// Formatters already set up, per currency and fraction digits: setting a formatter up costs more than
    /// formatting (a report with tens of thousands of prices).
    private let ready = Formatters()

    private final class Formatters {
        var byKey: [String: NumberFormatter] = [:]
    }

    /// `1.299,00 €` for `1299.00 EUR`; the machine form when there is no locale.
    func format(_ money: Money) -> String {
        guard let formatter else { return money.description }
        let digits = min(max(2, -(money.amount.exponent)), 4)
        let key = "\(money.currency) \(digits)"
        let configured: NumberFormatter
        if let known = ready.byKey[key] {
            configured = known
        } else {
            configured = NumberFormatter()
            configured.locale = formatter.locale
            configured.numberStyle = .currency
            configured.currencyCode = money.currency
            configured.minimumFractionDigits = digits
            configured.maximumFractionDigits = digits
            ready.byKey[key] = configured
        }
        return configured.string(from: NSDecimalNumber(decimal: money.amount))?
            .replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
            ?? money.description
    }

    /// A finding value such as `49.90 EUR` or `49.90 EUR (json-ld)`, shown in the locale, machine value on hover;
    /// any other value escaped as it is.
    func html(_ value: String) -> String {
        let parts = value.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[1].count == 3, parts[1].allSatisfy({ $0.isASCII && $0.isUppercase }),
            let amount = Decimal(string: String(parts[0]), locale: Locale(identifier: "en_US_POSIX")),
            parts[0].allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
        else { return value.html }
        let money = Money(amount: amount, currency: String(parts[1]))
        let rest = parts.count > 2 ? " " + String(parts[2]) : ""
        return "<span class=\"money\" title=\"\(money.description.html)\">\(format(money).html)</span>\(rest.html)"
    }
}
