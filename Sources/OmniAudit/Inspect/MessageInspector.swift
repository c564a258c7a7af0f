import AuditModel
import Foundation
import Mail

/// `inspect --as email|sms`: reads promo messages from local inputs with the shop's currency, locale and time
/// zone (from a config when given) and prints `{"messages": […], "problems": […]}`.
public struct MessageInspector: Sendable {
    /// E-mail or SMS.
    public enum Kind: String, Sendable { case email, sms }

    public var kind: Kind
    public var shop: AuditConfig.Shop?
    /// "Now", for year-less dates of messages without a send date.
    public var reference: Date

    /// Creates an inspector; without a shop, amounts need an explicit currency and times are UTC.
    public init(kind: Kind, shop: AuditConfig.Shop? = nil, reference: Date = Date()) {
        self.kind = kind
        self.shop = shop
        self.reference = reference
    }

    /// Reads the inputs.
    public func inspect(_ inputs: [String]) -> PromoReader.Document {
        let extractor = PromoExtractor(defaultCurrency: shop?.currency, locale: shop?.locale,
                                       timeZone: shop.flatMap { TimeZone(identifier: $0.timezone) } ?? .gmt,
                                       reference: reference)
        let reader = PromoReader(extractor: extractor)
        let paths = inputs.map { (path: $0, shown: $0) }
        return kind == .email ? reader.email(paths) : reader.sms(paths)
    }
}
