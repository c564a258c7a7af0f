/// Where on a page a statement comes from: a markup syntax, or the text a customer sees.
public enum PageSyntax: String, Hashable, Sendable, Codable, CaseIterable {
    case jsonLD = "json-ld"
    case microdata
    case rdfa
    case openGraph = "opengraph"
    /// Text found by a configured selector or by the visible-price heuristics.
    case visible

    /// True for machine-readable markup (everything except visible text).
    public var isMarkup: Bool { self != .visible }
}

/// One statement of a price on a page: which syntax said it, in what role, and the value with evidence.
/// Pages often state a price several times; rules such as `structured-vs-visible` compare the statements.
public struct PriceClaim: Hashable, Sendable, Codable {
    /// What the price is presented as.
    public enum Role: String, Hashable, Sendable, Codable {
        /// The price a customer pays now.
        case current
        /// The regular / struck-through price.
        case list
        /// An auction's starting price: what the markup states when the page shows the current bid.
        case starting
    }

    /// The syntax the claim comes from.
    public var syntax: PageSyntax
    /// Current or list price.
    public var role: Role
    /// The value and its evidence.
    public var price: Observed<Money>

    /// Creates a claim.
    public init(syntax: PageSyntax, role: Role, price: Observed<Money>) {
        self.syntax = syntax
        self.role = role
        self.price = price
    }
}
