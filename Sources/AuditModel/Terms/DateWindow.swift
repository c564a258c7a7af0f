import Foundation

/// A validity window (a sale, a promo code): from `start` through `end`, either side open.
///
/// JSON: `{"start": "2026-11-20T00:00:00Z"?, "end": …?}` (ISO 8601, UTC).
public struct DateWindow: Hashable, Sendable, Codable {
    /// The first instant the window is valid, nil when open.
    public var start: Date?
    /// The last instant the window is valid (a date alone means the end of that day), nil when open.
    public var end: Date?

    /// Creates a window.
    public init(start: Date? = nil, end: Date? = nil) {
        self.start = start
        self.end = end
    }

    /// Whether `date` is inside the window (inclusive).
    public func contains(_ date: Date) -> Bool {
        (start.map { date >= $0 } ?? true) && (end.map { date <= $0 } ?? true)
    }

    private enum CodingKeys: String, CodingKey { case start, end }
}
