import Foundation

/// The bytes of one input and where they came from.
public struct Fetched: Sendable {
    /// The location as requested (path or URL).
    public var location: String
    /// The body.
    public var body: Data

    /// Creates a fetched body.
    public init(location: String, body: Data) {
        self.location = location
        self.body = body
    }
}
