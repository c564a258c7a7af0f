import AuditModel

extension AuditReport {
    /// What the audit could compare: a report that says "no mismatch" must also say how much was looked at.
    public struct Comparisons: Codable, Sendable, Hashable {
        /// Products shown by two or more channels: the ones anything could be compared for.
        public var multiChannel: Int
        /// Products shown by one channel only.
        public var singleChannel: Int
        /// Per compared field, the products for which two or more channels state it.
        public var fields: [String: Int]

        /// The fields compared across channels.
        public static let comparedFields = ["price", "list_price", "availability", "stock_count"]

        /// Counts, for products given as their observations.
        public init(products: [[Observation]], channels: [String]) {
            self.init()
            for product in products { add(product) }
        }

        /// No product counted yet.
        public init() {
            multiChannel = 0
            singleChannel = 0
            fields = Dictionary(uniqueKeysWithValues: Self.comparedFields.map { ($0, 0) })
        }

        /// Counts one more product, given as its observations.
        public mutating func add(_ observations: [Observation]) {
            if Set(observations.map(\.channel)).count > 1 { multiChannel += 1 } else { singleChannel += 1 }
            for field in Self.comparedFields where Set(observations.filter { Self.carries($0, field) }.map(\.channel)).count > 1 {
                fields[field, default: 0] += 1
            }
        }

        /// True when an observation states a compared field.
        public static func carries(_ observation: Observation, _ field: String) -> Bool {
            switch field {
            case "price": observation.price != nil
            case "list_price": observation.listPrice != nil
            case "availability": observation.availability.map { $0.value != .unknown } ?? false
            case "stock_count": observation.stockCount != nil
            default: false
            }
        }

        enum CodingKeys: String, CodingKey {
            case multiChannel = "multi_channel", singleChannel = "single_channel", fields
        }
    }
}
