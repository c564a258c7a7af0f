import Foundation

/// One request line of `omniaudit parse price --jsonl`: `{"text": …, "currency_hint": …,
/// "decimal_separator_hint": …}`, any key null or missing, unknown keys ignored. Decoded by a small,
/// allocation-light JSON reader (the batch path has to be fast).
public struct PriceRequestLine: Sendable, Hashable {
    /// The text to parse, nil when null or missing.
    public var text: String?
    /// `currency_hint`: an ISO code or a token such as `C$`.
    public var currencyHint: String?
    /// `decimal_separator_hint`: `,` or `.`.
    public var decimalSeparatorHint: Character?

    /// Creates a request.
    public init(text: String? = nil, currencyHint: String? = nil, decimalSeparatorHint: Character? = nil) {
        self.text = text
        self.currencyHint = currencyHint
        self.decimalSeparatorHint = decimalSeparatorHint
    }

    /// Why a line could not be read.
    public struct DecodingError: Error, Sendable, CustomStringConvertible {
        /// What was wrong and at which byte of the line.
        public var description: String
    }

    /// A decoded line whose text may still be a byte range of the line (the batch path avoids the copy).
    struct Raw {
        var text: MiniJSONReader.StringValue = .null
        var currencyHint: String?
        var decimalSeparatorHint: Character?
    }

    /// Decodes one line (UTF-8 bytes, without the line break).
    public static func decode(_ line: UnsafeBufferPointer<UInt8>) throws(DecodingError) -> PriceRequestLine {
        let raw = try decodeRaw(line)
        var request = PriceRequestLine(currencyHint: raw.currencyHint, decimalSeparatorHint: raw.decimalSeparatorHint)
        switch raw.text {
        case .null: request.text = nil
        case .range(let range): request.text = String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self)
        case .decoded(let text): request.text = text
        }
        return request
    }

    static func decodeRaw(_ line: UnsafeBufferPointer<UInt8>) throws(DecodingError) -> Raw {
        var reader = MiniJSONReader(bytes: line)
        var request = Raw()
        do throws(MiniJSONReader.Failure) {
            try reader.expect(UInt8(ascii: "{"))
            if try !reader.consumeIf(UInt8(ascii: "}")) {
                repeat {
                    let key: Int?
                    if reader.consume("\"text\"") {
                        key = 0
                    } else if reader.consume("\"currency_hint\"") {
                        key = 1
                    } else if reader.consume("\"decimal_separator_hint\"") {
                        key = 2
                    } else {
                        key = try reader.readKey(Self.field)  // escaped or unknown keys
                    }
                    try reader.expect(UInt8(ascii: ":"))
                    switch key {
                    case 0: request.text = try reader.readStringValue()
                    case 1: request.currencyHint = try reader.readStringOrNull()
                    case 2:
                        if let hint = try reader.readStringOrNull() {
                            guard let mark = hint.first, hint.utf8.count <= 4, hint.count == 1 else {
                                throw MiniJSONReader.Failure(message: "decimal_separator_hint must be one character",
                                                             offset: reader.offset)
                            }
                            request.decimalSeparatorHint = mark
                        }
                    default: try reader.skipValue(depth: 0)
                    }
                } while try reader.consumeIf(UInt8(ascii: ","))
                try reader.expect(UInt8(ascii: "}"))
            }
            try reader.expectEnd()
        } catch {
            throw DecodingError(description: "\(error.message) at byte \(error.offset + 1)")
        }
        return request
    }

    /// The index of a request key: 0 `text`, 1 `currency_hint`, 2 `decimal_separator_hint`, nil for others.
    private static func field(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        func equals(_ literal: StaticString) -> Bool {
            guard let base = key.baseAddress, key.count == literal.utf8CodeUnitCount else { return false }
            return memcmp(base, literal.utf8Start, key.count) == 0
        }
        if equals("text") { return 0 }
        if equals("currency_hint") { return 1 }
        if equals("decimal_separator_hint") { return 2 }
        return nil
    }
}
