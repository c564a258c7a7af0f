import AuditModel
import Foundation
import Normalize

/// Turns schema.org data — from JSON-LD, or microdata/RDFa converted to the same shape — into observations:
/// `Product` (plain, in `@graph`, in arrays, nested), `ProductGroup` with `hasVariant`, `Offer`,
/// `AggregateOffer` and `priceSpecification`. Every field carries a locator such as
/// `json-ld[1].@graph[2].offers[0].price`.
struct SchemaOrgProducts {
    let source: String
    let channel: String
    let syntax: PageSyntax
    let defaultCurrency: String?

    /// A Product node, the locator path to it, and the group it belongs to.
    private struct Found {
        var node: JSONValue
        var path: String
        var group: JSONValue?
    }

    func observations(prefix: String, value: JSONValue, problems: inout [Problem]) -> [Observation] {
        var found: [Found] = []
        collect(value, path: prefix, into: &found)
        return found.map { observation(for: $0, problems: &problems) }
    }

    /// Types that carry `offers` (or price fields) without being the thing on sale.
    private static let notProducts: Set<String> = ["offer", "aggregateoffer", "demand", "organization", "localbusiness",
                                                    "store", "person", "website", "searchaction"]
    /// Product types and subtypes read even when they state no offers.
    private static let productTypes: Set<String> = ["product", "individualproduct", "productmodel", "someproducts", "vehicle",
                                                     "car", "motorizedbicycle", "book", "softwareapplication"]
    /// Members that hold the things a page is about: lists, list items, main entities, variants.
    private static let containers = ["@graph", "mainEntity", "mainEntityOfPage", "about", "itemListElement", "item"]

    private func collect(_ value: JSONValue, path: String, into found: inout [Found], depth: Int = 0) {
        guard depth < 12 else { return }
        switch value {
        case .array(let values):
            for (index, element) in values.enumerated() { collect(element, path: "\(path)[\(index)]", into: &found, depth: depth + 1) }
        case .object:
            let types = Set(Self.types(of: value).map { $0.lowercased() })
            if types.contains("productgroup") {
                let variants = value["hasVariant"]?.list ?? []
                if variants.isEmpty {
                    found.append(Found(node: value, path: path, group: nil))
                } else {
                    let isList = if case .array = value["hasVariant"] { true } else { false }
                    for (index, variant) in variants.enumerated() {
                        found.append(Found(node: variant, path: isList ? "\(path).hasVariant[\(index)]" : "\(path).hasVariant", group: value))
                    }
                }
                return
            }
            // Any schema.org thing with offers is on sale: a Product or a subtype, a Book, a Vehicle, an Event ticket.
            if !types.isDisjoint(with: Self.productTypes) || (value["offers"] != nil && types.isDisjoint(with: Self.notProducts) && !types.isEmpty) {
                found.append(Found(node: value, path: path, group: nil))
                return
            }
            for key in Self.containers {
                guard let child = value[key] else { continue }
                switch child {
                case .object, .array: collect(child, path: "\(path).\(key)", into: &found, depth: depth + 1)
                default: continue
                }
            }
        default:
            return
        }
    }

    /// The `@type` values without vocabulary prefixes (`https://schema.org/Product` → `Product`).
    static func types(of value: JSONValue) -> [String] {
        (value["@type"]?.list ?? []).compactMap(\.text).map { type in
            let last = type.split(separator: "/").last.map(String.init) ?? type
            return last.hasPrefix("schema:") ? String(last.dropFirst(7)) : last
        }
    }

    func evidence(_ path: String, _ raw: String) -> Evidence {
        Evidence(source: source, locator: path, raw: raw)
    }

    private func observation(for product: Found, problems: inout [Problem]) -> Observation {
        let node = product.node
        let group = product.group
        let path = product.path
        func field(_ name: String) -> JSONValue? { node[name] ?? group?[name] }
        var key = ProductKey()
        key.sku = node["sku"]?.text.flatMap(Identifiers.sku)
        key.mpn = field("mpn")?.text.flatMap(Identifiers.sku)
        key.gtin = gtin(of: node, path: path, problems: &problems)
        var observation = Observation(channel: channel, key: key,
                                      origin: evidence(path, field("name")?.text ?? key.sku ?? key.gtin ?? ""))
        if let name = field("name")?.text {
            // JSON-LD is JSON: an HTML-escaped name (`Elo&iacute;sa`) is decoded as the page shows it; the evidence keeps it as written.
            let title = syntax == .jsonLD ? HTMLEntities.decode(name) : name
            observation.title = Observed(title, evidence(node["name"] != nil ? "\(path).name" : "group.name", name))
        }
        if let brand = field("brand"), let name = brand.text ?? brand["name"]?.text {
            observation.brand = Observed(name, evidence("\(path).brand", name))
        }
        if let group {
            observation.group = group["productGroupID"]?.text ?? group["sku"]?.text ?? group["url"]?.text ?? group["name"]?.text
        }
        var variant: [String: String] = [:]
        for name in ["size", "color"] {
            if let value = node[name].flatMap({ $0.text ?? $0["name"]?.text }), !value.isEmpty { variant[name] = value }
        }
        if !variant.isEmpty { observation.variant = variant }
        let offersValue = node["offers"]
        let offers = offersValue?.list ?? []
        if offers.isEmpty {
            problems.append(Problem(source: source, position: path, message: "Product has no offers"))
        }
        var claims: [PriceClaim] = []
        let isList = if case .array = offersValue { true } else { false }
        for (index, offer) in offers.enumerated() {
            let reader = OfferReader(products: self, path: isList ? "\(path).offers[\(index)]" : "\(path).offers")
            reader.read(offer, into: &observation, claims: &claims, problems: &problems)
        }
        if observation.returns == nil, let policy = field("hasMerchantReturnPolicy")?.list.first {
            let terms = OfferReader.returns(policy)
            if terms.days != nil || terms.isFree != nil {
                observation.returns = Observed(terms, evidence("\(path).hasMerchantReturnPolicy", OfferReader.summary(policy)))
            }
        }
        observation.claims = claims.isEmpty ? nil : claims
        if observation.price == nil, let first = claims.first(where: { $0.role == .current }) { observation.price = first.price }
        if observation.listPrice == nil, let first = claims.first(where: { $0.role == .list }) { observation.listPrice = first.price }
        if let url = (node["url"]?.text ?? offers.first?["url"]?.text).flatMap(absolute).flatMap(URLNormalizer.normalize) {
            observation.key.url = url
        }
        return observation
    }

    /// A URL resolved against the page's (`/p/123` → `https://shop.example/p/123`).
    private func absolute(_ url: String) -> String? {
        guard !url.contains("://"), let base = URL(string: source), base.scheme != nil else { return url }
        return URL(string: url, relativeTo: base)?.absoluteString ?? url
    }

    private func gtin(of node: JSONValue, path: String, problems: inout [Problem]) -> String? {
        for name in ["gtin13", "gtin", "gtin14", "gtin12", "gtin8", "isbn"] {
            guard let raw = node[name]?.text else { continue }
            guard let gtin = Identifiers.gtin(raw) else {
                problems.append(Problem(source: source, position: "\(path).\(name)", message: "\"\(raw)\" is not a GTIN"))
                continue
            }
            guard GTIN.hasValidCheckDigit(gtin) else {
                problems.append(Problem(source: source, position: "\(path).\(name)",
                                        message: "GTIN \(raw) has an invalid check digit; not used for matching"))
                continue
            }
            return gtin
        }
        return nil
    }
}

/// GTIN check digits (GS1 mod 10).
enum GTIN {
    static func hasValidCheckDigit(_ digits: String) -> Bool { Identifiers.isValidGTIN(digits) }
}
