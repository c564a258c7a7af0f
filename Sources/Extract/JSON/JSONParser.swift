/// A JSON reader for what shops actually publish: strict JSON plus, when `lenient`, `//` and `/* */`
/// comments, trailing commas, and raw control characters inside strings. Errors carry line and column.
public struct JSONParser {
    /// A syntax error at a position (1-based line and column).
    public struct SyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private let lenient: Bool
    private var depth = 0
    private static let maxDepth = 512

    /// Parses one JSON document; trailing content other than whitespace is an error.
    public static func parse(_ text: String, lenient: Bool = true) throws(SyntaxError) -> JSONValue {
        try parse(bytes: Array(text.utf8), lenient: lenient)
    }

    /// Parses one JSON document held as UTF-8 bytes; trailing content other than whitespace is an error.
    public static func parse(bytes: [UInt8], lenient: Bool = true) throws(SyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, lenient: lenient)
        parser.skipTrivia()
        let value = try parser.value()
        parser.skipTrivia()
        if parser.index < parser.bytes.count { throw parser.error("unexpected content after the JSON value") }
        return value
    }

    /// Parses one or more JSON values written one after another (`{…}{…}` or `{…}\n{…}`), as some
    /// pages put several JSON-LD objects in one script.
    public static func parseAll(_ text: String, lenient: Bool = true) throws(SyntaxError) -> [JSONValue] {
        var parser = JSONParser(bytes: Array(text.utf8), lenient: lenient)
        var values: [JSONValue] = []
        parser.skipTrivia()
        while parser.index < parser.bytes.count {
            values.append(try parser.value())
            parser.skipTrivia()
            if parser.current == UInt8(ascii: ",") || parser.current == UInt8(ascii: ";") {
                parser.index += 1
                parser.skipTrivia()
            }
        }
        return values
    }

    private init(bytes: [UInt8], lenient: Bool) {
        self.bytes = bytes
        self.lenient = lenient
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a UTF-8 byte order mark is not content
    }

    private func error(_ message: String) -> SyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(index, bytes.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SyntaxError(line: line, column: column, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipTrivia() {
        while let byte = current {
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                index += 1
            } else if lenient, byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
                while let next = current, next != 0x0A { index += 1 }
            } else if lenient, byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                index = min(index + 2, bytes.count)
            } else {
                return
            }
        }
    }

    private mutating func value() throws(SyntaxError) -> JSONValue {
        guard let byte = current else { throw error("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try container(close: UInt8(ascii: "}"), isObject: true)
        case UInt8(ascii: "["): return try container(close: UInt8(ascii: "]"), isObject: false)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default:
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)]
            where bytes[index...].starts(with: word.utf8) {
                index += word.utf8.count
                return value
            }
            throw error("unexpected character '\(Unicode.Scalar(byte))', expected a value")
        }
    }

    private mutating func container(close: UInt8, isObject: Bool) throws(SyntaxError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        var elements: [JSONValue] = []
        skipTrivia()
        while current != close {
            if isObject {
                guard current == UInt8(ascii: "\"") else { throw error("expected a quoted member name") }
                let key = try string()
                skipTrivia()
                guard current == UInt8(ascii: ":") else { throw error("expected ':' after member name") }
                index += 1
                skipTrivia()
                members.append((key, try value()))
            } else {
                elements.append(try value())
            }
            skipTrivia()
            if current == UInt8(ascii: ",") {
                index += 1
                skipTrivia()
                if current == close, !lenient { throw error("trailing comma") }
            } else if current != close {
                throw error(current == nil ? "unexpected end of input" : "expected ',' or '\(Unicode.Scalar(close))'")
            }
        }
        index += 1
        return isObject ? .object(members) : .array(elements)
    }

    /// A number by the JSON grammar, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    private mutating func number() throws(SyntaxError) -> String {
        let start = index
        func digits() -> Int {
            let first = index
            while let byte = current, (0x30...0x39).contains(byte) { index += 1 }
            return index - first
        }
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw error("malformed number: a digit is expected")
        }
        if current == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { throw error("malformed number: a digit is expected after the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { throw error("malformed number: a digit is expected in the exponent") }
        }
        if let byte = current, (0x30...0x39).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        {
            throw error("malformed number")
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func string() throws(SyntaxError) -> String {
        index += 1
        // Most strings have no escape: up to the closing quote in one run, made into a string at once.
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: bytes[start..<index - 1], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || (byte < 0x20 && !lenient) { break }
            index += 1
        }
        var out = Array(bytes[start..<index])
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = current else { break }
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"): try unicodeEscape(into: &out)
                default: out.append(escaped)  // \" \\ \/ and, leniently, any other escaped character
                }
            case 0x00..<0x20 where !lenient:
                throw error("raw control character in a string")
            default:
                out.append(byte)
            }
        }
        throw error("unterminated string")
    }

    private mutating func hex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66 || (0x30...0x39).contains($0) }),
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw error("invalid \\u escape") }
        index += 4
        return value
    }

    private mutating func unicodeEscape(into out: inout [UInt8]) throws(SyntaxError) {
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar), bytes[index...].starts(with: "\\u".utf8) {
            index += 2
            let low = try hex4()
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00) & 0x3FF
        }
        out.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
    }
}
