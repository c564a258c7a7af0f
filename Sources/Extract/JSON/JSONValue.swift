/// A parsed JSON value that keeps numbers as written (`49.90` stays `"49.90"`, no binary float in between)
/// and object keys in document order.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number, exactly as written.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; a repeated key keeps every occurrence, lookups return the last.
    case object([(key: String, value: JSONValue)])

    /// The member named `key` of an object, nil otherwise.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// The value as display text: strings as they are, numbers as written, booleans, nil for the rest.
    public var text: String? {
        switch self {
        case .string(let value): value
        case .number(let value): value
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }

    /// The elements of an array, or the value itself as a one-element list (schema.org allows both).
    public var list: [JSONValue] {
        if case .array(let values) = self { return values }
        if case .null = self { return [] }
        return [self]
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .number(let value), .string(let value): hasher.combine(value)
        case .array(let values): hasher.combine(values)
        case .object(let members):
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }
}
