/// Something that went wrong reading an input: it names the input and the position, and is never dropped.
public struct Problem: Hashable, Sendable, Codable, Error, CustomStringConvertible {
    /// The URL or path of the input.
    public var source: String
    /// Where in the input (`line 12, column 4`, `json-ld[1]`, `data.products[3]`), empty when it is the whole input.
    public var position: String
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates a problem.
    public init(source: String, position: String = "", message: String) {
        self.source = source
        self.position = position
        self.message = message
    }

    /// `position: message` without the source, for notes that already name the input.
    public var reason: String { position.isEmpty ? message : "\(position): \(message)" }

    /// `source:position: message`.
    public var description: String {
        position.isEmpty ? "\(source): \(message)" : "\(source): \(position): \(message)"
    }
}
