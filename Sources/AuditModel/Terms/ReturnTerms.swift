/// Return terms as a channel states them: the window in days and whether returning is free.
///
/// JSON: `{"days": Int?, "is_free": Bool?}`.
public struct ReturnTerms: Hashable, Sendable, Codable {
    /// Days the customer has to return ("entro 30 giorni" → 30).
    public var days: Int?
    /// Returning costs nothing ("reso gratuito") — true; stated as paid — false; unknown — nil.
    public var isFree: Bool?

    /// Creates return terms.
    public init(days: Int? = nil, isFree: Bool? = nil) {
        self.days = days
        self.isFree = isFree
    }

    private enum CodingKeys: String, CodingKey {
        case days
        case isFree = "is_free"
    }
}
