/// The Google Merchant names of the fields a feed item may carry, used when a feed has no `fields:` mapping
/// (and for every field a mapping leaves out).
public enum StandardFields {
    /// The standard name of each field; `list_price` and `currency` have none (Merchant writes the regular
    /// price as `price` beside `sale_price`, and the currency inside the price).
    public static let names: [JSONFeedExtractor.Field: String] = [
        .sku: "id", .gtin: "gtin", .mpn: "mpn", .url: "link", .title: "title", .price: "price",
        .salePrice: "sale_price", .saleDates: "sale_price_effective_date", .availability: "availability",
        .stock: "quantity", .brand: "brand", .group: "item_group_id", .shipping: "shipping", .store: "store_code",
    ]

    /// Other names some catalogs use for a standard field (Meta catalogs: `inventory` for the stock), tried
    /// when the field's own name is absent from an item.
    public static let aliases: [JSONFeedExtractor.Field: [String]] = [
        .stock: ["inventory", "quantity_to_sell_on_facebook"],
    ]

    /// The names to read: the standard names, overridden by a mapping (`{ sku: codice, price: prezzo }`).
    public static func names(with mapping: [JSONFeedExtractor.Field: String]) -> [JSONFeedExtractor.Field: String] {
        names.merging(mapping.mapValues { FeedRecord.normalizedName($0) }) { _, mapped in mapped }
    }

    /// Merchant availability values, current and legacy, by their folded form.
    static let availability: [String: String] = [
        "in stock": "in_stock", "in_stock": "in_stock", "out of stock": "out_of_stock", "out_of_stock": "out_of_stock",
        "preorder": "preorder", "pre-order": "preorder", "backorder": "backorder", "back order": "backorder",
        "available for order": "in_stock", "available_for_order": "in_stock", "limited availability": "limited",
        "discontinued": "discontinued",
    ]
}
