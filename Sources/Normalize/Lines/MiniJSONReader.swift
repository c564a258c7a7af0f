import Foundation

/// A minimal JSON reader over UTF-8 bytes for flat request objects: strings (all escapes, surrogate pairs),
/// `null`, and skipping any other value. Errors carry the byte offset.
struct MiniJSONReader {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private mutating func skipSpace() {
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0D || bytes[offset] == 0x0A { offset += 1 }
    }

    private func fail(_ message: String) -> Failure { Failure(message: message, offset: offset) }

    mutating func expect(_ byte: UInt8) throws(Failure) {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        offset += 1
    }

    mutating func consumeIf(_ byte: UInt8) throws(Failure) -> Bool {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else { return false }
        offset += 1
        return true
    }

    mutating func expectEnd() throws(Failure) {
        skipSpace()
        guard offset == bytes.count else { throw fail("unexpected text after the object") }
    }

    /// A string value: the byte range of its contents when it has no escapes (no copy), else the decoded text.
    enum StringValue {
        case null
        case range(Range<Int>)
        case decoded(String)
    }

    mutating func readStringValue() throws(Failure) -> StringValue {
        skipSpace()
        if matchLiteral("null") { return .null }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        let start = offset + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            offset = end + 1
            return .range(start..<end)
        }
        return .decoded(try readString())
    }

    mutating func readStringOrNull() throws(Failure) -> String? {
        skipSpace()
        if matchLiteral("null") { return nil }
        return try readString()
    }

    private mutating func matchLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count, let base = bytes.baseAddress,
            memcmp(base + offset, literal.utf8Start, count) == 0
        else { return false }
        offset += count
        return true
    }

    /// Consumes `literal` (after spaces) when the text continues with it: the fast path for a known key
    /// written with its quotes (`"text"`).
    mutating func consume(_ literal: StaticString) -> Bool {
        skipSpace()
        return matchLiteral(literal)
    }

    /// Reads an object key and hands its bytes to `match` (an unescaped key is not copied).
    mutating func readKey<Match>(_ match: (UnsafeBufferPointer<UInt8>) -> Match) throws(Failure) -> Match {
        skipSpace()
        let start = offset + 1
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            offset = end + 1
            return match(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        }
        var decoded = try readString()
        return decoded.withUTF8(match)
    }

    mutating func readString() throws(Failure) -> String {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string") }
        offset += 1
        let start = offset
        while offset < bytes.count, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\") {
            guard bytes[offset] >= 0x20 else { throw fail("control character in a string") }
            offset += 1
        }
        guard offset < bytes.count else { throw fail("unterminated string") }
        if bytes[offset] == UInt8(ascii: "\"") {
            offset += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(offset - 1)]), as: UTF8.self)
        }
        var scalars = Array(bytes[start..<offset])
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"): try readEscape(into: &scalars)
            case 0..<0x20: throw fail("control character in a string")
            default: scalars.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    private mutating func readEscape(into output: inout [UInt8]) throws(Failure) {
        guard offset < bytes.count else { throw fail("unterminated escape") }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var value = try readHex4()
            if (0xD800..<0xDC00).contains(value), matchLiteral("\\u") {
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("invalid surrogate pair") }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            output.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw fail("invalid escape")
        }
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw fail("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    /// Skips any JSON value (nesting limited to 32 levels).
    mutating func skipValue(depth: Int) throws(Failure) {
        guard depth < 32 else { throw fail("nesting too deep") }
        skipSpace()
        guard offset < bytes.count else { throw fail("expected a value") }
        switch bytes[offset] {
        case UInt8(ascii: "\""): _ = try readString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = bytes[offset] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            let isObject = close == UInt8(ascii: "}")
            offset += 1
            if try consumeIf(close) { return }
            repeat {
                if isObject {
                    _ = try readString()
                    try expect(UInt8(ascii: ":"))
                }
                try skipValue(depth: depth + 1)
            } while try consumeIf(UInt8(ascii: ","))
            try expect(close)
        default:
            if matchLiteral("null") || matchLiteral("true") || matchLiteral("false") { return }
            let start = offset
            while offset < bytes.count, "+-.0123456789eE".utf8.contains(bytes[offset]) { offset += 1 }
            guard offset > start else { throw fail("expected a value") }
        }
    }
}
