import AuditModel
import Foundation
import Normalize

/// Reads one feed item through the field mapping.
struct ItemReader {
    let extractor: JSONFeedExtractor
    let item: JSONValue
    let locator: String
    let source: String

    private func value(_ field: JSONFeedExtractor.Field) -> (text: String, value: JSONValue, locator: String)? {
        guard let path = extractor.fields[field], let found = path.select(in: item, rootLocator: locator).first,
            let text = found.value.text
        else { return nil }
        return (text, found.value, found.locator)
    }

    private func evidence(_ found: (text: String, value: JSONValue, locator: String)) -> Evidence {
        Evidence(source: source, locator: found.locator, raw: found.text)
    }

    func observation(problems: inout [Problem]) -> Observation? {
        var key = ProductKey()
        key.sku = value(.sku).flatMap { Identifiers.sku($0.text) }
        if let found = value(.gtin) {
            if let gtin = Identifiers.gtin(found.text), Identifiers.isValidGTIN(gtin) {
                key.gtin = gtin
            } else {
                problems.append(Problem(source: source, position: found.locator,
                                        message: "GTIN \(found.text) is not a GTIN with a valid check digit; not used for matching"))
            }
        }
        key.mpn = value(.mpn).flatMap { Identifiers.sku($0.text) }
        key.url = value(.url).flatMap { URLNormalizer.normalize($0.text) }
        if key.isEmpty {
            let mapped = [JSONFeedExtractor.Field.sku, .gtin, .mpn, .url].compactMap { field in
                extractor.fields[field].map { "\(field.rawValue) at \"\($0)\"" }
            }
            problems.append(Problem(source: source, position: locator,
                                    message: "item has no sku, gtin, mpn or url, so it cannot be matched (looked for "
                                        + (mapped.isEmpty ? "none: map one under fields" : mapped.joined(separator: ", ")) + ")"))
            return nil
        }
        var observation = Observation(
            channel: extractor.channel, key: key,
            origin: Evidence(source: source, locator: locator, raw: key.sku ?? key.gtin ?? key.mpn ?? key.url ?? ""))
        if let title = value(.title) { observation.title = Observed(title.text, evidence(title)) }
        let currency = value(.currency).map { $0.text.trimmingCharacters(in: .whitespaces).uppercased() }
            ?? extractor.defaultCurrency
        observation.price = money(.price, currency: currency, problems: &problems)
        observation.listPrice = money(.listPrice, currency: currency, problems: &problems)
        if let found = value(.availability) {
            if let availability = AvailabilityParser.parse(found.text).availability {
                observation.availability = Observed(availability, evidence(found))
            } else {
                problems.append(Problem(source: source, position: found.locator,
                                        message: "unknown availability \"\(found.text)\""))
            }
        }
        if let found = value(.stock) {
            let text = if case .number = found.value { JSONNumber.plain(found.text) ?? found.text } else { found.text }
            if let count = Int(text.trimmingCharacters(in: .whitespaces)) {
                observation.stockCount = Observed(count, evidence(found))
            } else {
                problems.append(Problem(source: source, position: found.locator,
                                        message: "stock \"\(found.text)\" is not a whole number"))
            }
        }
        return observation
    }

    private func money(_ field: JSONFeedExtractor.Field, currency: String?, problems: inout [Problem]) -> Observed<Money>? {
        guard let found = value(field) else {
            if field == .price, extractor.fields[.price] != nil {
                problems.append(Problem(source: source, position: locator,
                                        message: "item has no price at \"\(extractor.fields[.price]?.description ?? "")\""))
            }
            return nil
        }
        let isNumber = if case .number = found.value { true } else { false }
        var text = found.text
        if isNumber {
            // Numbers are read exactly (exponent and sign included) or refused, never misread.
            guard let plain = JSONNumber.plain(found.text) else {
                problems.append(Problem(source: source, position: found.locator,
                                        message: "\(field.rawValue) \(found.text) is out of range (exponent beyond ±\(JSONNumber.maxExponent))"))
                return nil
            }
            guard !plain.hasPrefix("-") else {
                problems.append(Problem(source: source, position: found.locator,
                                        message: "\(field.rawValue) \(found.text) is negative"))
                return nil
            }
            text = plain
        }
        let parser = PriceParser(decimalSeparatorHint: isNumber ? "." : extractor.decimalSeparator,
                                 defaultCurrency: currency)
        guard let money = parser.money(text) else {
            let reason = parser.parse(found.text).reason ?? "unreadable"
            problems.append(Problem(source: source, position: found.locator,
                                    message: "\(field.rawValue) \"\(found.text)\" is not readable: \(reason)"))
            return nil
        }
        return Observed(money, evidence(found))
    }
}
