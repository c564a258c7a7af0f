/// The logic of `omniaudit parse price --jsonl`: turns request lines into result lines
/// `{"amount": "1299.00" | null, "currency": "EUR" | null, "currency_raw": "€" | null}`, one for one, so line
/// counts stay aligned. A malformed line gives a null result and an error naming its line number.
public struct PriceLineProcessor: Sendable {
    /// The locale applied to every line (`--locale`).
    public var locale: String?
    private var parsers: [ParserKey: PriceParser] = [:]
    private var lastParser: (key: ParserKey, parser: PriceParser)?
    /// The number of lines processed so far (the next line's number is `lineNumber + 1`).
    public private(set) var lineNumber = 0

    private struct ParserKey: Hashable {
        var hint: String?
        var mark: Character?
    }

    /// Creates a processor; `locale` applies to every line.
    public init(locale: String? = nil) { self.locale = locale }

    /// Processes one line (without its line break), appending the result line and `\n` to `output`.
    /// Returns an error message naming the line number when the line was malformed.
    public mutating func process(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> String? {
        lineNumber += 1
        let request: PriceRequestLine.Raw
        do {
            request = try PriceRequestLine.decodeRaw(line)
        } catch {
            output.append(contentsOf: Self.nullLine)
            return "line \(lineNumber): malformed JSON: \(error.description)"
        }
        if case .null = request.text {
            output.append(contentsOf: Self.nullLine)
            return nil
        }
        let key = ParserKey(hint: request.currencyHint, mark: request.decimalSeparatorHint)
        let parser: PriceParser
        if let last = lastParser, last.key == key {
            parser = last.parser
        } else if let cached = parsers[key] {
            parser = cached
            lastParser = (key, cached)
        } else {
            parser = PriceParser(decimalSeparatorHint: key.mark, currencyHint: key.hint, locale: locale)
            if parsers.count < 64 { parsers[key] = parser }
            lastParser = (key, parser)
        }
        switch request.text {
        case .null: break
        case .range(let range): Self.write(parser.parse(utf8: UnsafeBufferPointer(rebasing: line[range])), into: &output)
        case .decoded(let text): Self.write(parser.parse(text), into: &output)
        }
        return nil
    }

    static let nullLine = Array("{\"amount\": null, \"currency\": null, \"currency_raw\": null}\n".utf8)

    private static let openAmount = Array("{\"amount\": ".utf8)
    private static let openCurrency = Array(", \"currency\": ".utf8)
    private static let openRaw = Array(", \"currency_raw\": ".utf8)
    private static let close = Array("}\n".utf8)
    private static let null = Array("null".utf8)

    /// Appends one result line.
    public static func write(_ result: PriceParser.Result, into output: inout [UInt8]) {
        output.append(contentsOf: openAmount)
        if let exact = result.exact {
            output.append(UInt8(ascii: "\""))
            exact.append(to: &output)
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(contentsOf: null)
        }
        output.append(contentsOf: openCurrency)
        appendString(result.currency, to: &output)
        output.append(contentsOf: openRaw)
        appendString(result.currencyRaw, to: &output)
        output.append(contentsOf: close)
    }

    private static func appendString(_ value: String?, to output: inout [UInt8]) {
        guard var value else {
            output.append(contentsOf: null)
            return
        }
        output.append(UInt8(ascii: "\""))
        let clean = value.withUTF8 { bytes in
            if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                output.append(contentsOf: bytes)
                return true
            }
            return false
        }
        if clean {
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            case 0..<0x20:
                output.append(contentsOf: "\\u00".utf8)
                output.append(contentsOf: String(byte, radix: 16).count == 1 ? "0".utf8 : "".utf8)
                output.append(contentsOf: String(byte, radix: 16).utf8)
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
