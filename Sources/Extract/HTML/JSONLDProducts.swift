import AuditModel
import Foundation
import Normalize

/// Finds schema.org `Product` nodes in JSON-LD blocks (plain, `@graph`, arrays, nested) and turns each into
/// an `Observation`, with a locator such as `json-ld[1].@graph[2].offers[0].price` on every field.
struct JSONLDProducts {
    let source: String
    let channel: String
    let defaultCurrency: String?

    /// A Product node and the locator path that leads to it.
    private struct Found {
        var node: JSONValue
        var path: String
    }

    func observations(blockIndex: Int, value: JSONValue, problems: inout [Problem]) -> [Observation] {
        var found: [Found] = []
        collect(value, path: "json-ld[\(blockIndex)]", into: &found)
        return found.map { observation(for: $0, problems: &problems) }
    }

    private func collect(_ value: JSONValue, path: String, into found: inout [Found]) {
        switch value {
        case .array(let values):
            for (index, element) in values.enumerated() { collect(element, path: "\(path)[\(index)]", into: &found) }
        case .object:
            if Self.types(of: value).contains("Product") {
                found.append(Found(node: value, path: path))
                return
            }
            if let graph = value["@graph"] { collect(graph, path: "\(path).@graph", into: &found) }
        default:
            return
        }
    }

    static func types(of value: JSONValue) -> [String] {
        (value["@type"]?.list ?? []).compactMap(\.text).map { type in
            type.split(separator: "/").last.map(String.init)?.replacingOccurrences(of: "schema:", with: "") ?? type
        }
    }

    private func evidence(_ path: String, _ raw: String) -> Evidence {
        Evidence(source: source, locator: path, raw: raw)
    }

    private func observation(for product: Found, problems: inout [Problem]) -> Observation {
        let node = product.node
        let path = product.path
        var key = ProductKey()
        key.sku = node["sku"]?.text.flatMap(Identifiers.sku)
        key.mpn = node["mpn"]?.text.flatMap(Identifiers.sku)
        for field in ["gtin13", "gtin", "gtin14", "gtin12", "gtin8"] {
            if let gtin = node[field]?.text.flatMap(Identifiers.gtin) {
                key.gtin = gtin
                break
            }
        }
        var observation = Observation(
            channel: channel, key: key,
            origin: Evidence(source: source, locator: path, raw: node["name"]?.text ?? key.sku ?? key.gtin ?? ""))
        if let name = node["name"]?.text {
            observation.title = Observed(name, evidence("\(path).name", name))
        }
        let offers = node["offers"]?.list ?? []
        if offers.isEmpty { problems.append(Problem(source: source, position: path, message: "Product has no offers")) }
        for (index, offer) in offers.enumerated() {
            let offerPath = isArray(node["offers"]) ? "\(path).offers[\(index)]" : "\(path).offers"
            read(offer: offer, path: offerPath, into: &observation, problems: &problems)
            if observation.price != nil { break }
        }
        if let url = (node["url"]?.text ?? offers.first?["url"]?.text).flatMap(URLNormalizer.normalize) {
            observation.key.url = url
        }
        return observation
    }

    private func isArray(_ value: JSONValue?) -> Bool {
        if case .array = value { return true }
        return false
    }

    private func read(offer: JSONValue, path: String, into observation: inout Observation, problems: inout [Problem]) {
        let currencyText = offer["priceCurrency"]?.text
        let currency = currencyText?.trimmingCharacters(in: .whitespaces).uppercased() ?? defaultCurrency
        let priceValue = offer["price"] ?? offer["lowPrice"]
        if let raw = priceValue?.text {
            let field = offer["price"] != nil ? "price" : "lowPrice"
            let parsed = PriceParser(decimalSeparatorHint: ".", defaultCurrency: currency).parse(raw)
            if let amount = parsed.amount, let code = currency ?? parsed.currency {
                observation.price = Observed(Money(amount: amount, currency: code), evidence("\(path).\(field)", raw))
            } else {
                problems.append(Problem(source: source, position: "\(path).\(field)",
                                        message: "price \"\(raw)\" is not readable: \(parsed.reason ?? "no currency")"))
            }
        }
        if let raw = offer["availability"]?.text {
            if let value = AvailabilityParser.parse(raw).availability {
                observation.availability = Observed(value, evidence("\(path).availability", raw))
            } else {
                problems.append(Problem(source: source, position: "\(path).availability",
                                        message: "unknown availability \"\(raw)\""))
            }
        }
    }
}
