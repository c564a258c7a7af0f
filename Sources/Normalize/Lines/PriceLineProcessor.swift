import Foundation

/// The logic of `omniaudit parse price --jsonl`: turns request lines into result lines
/// `{"amount": "1299.00" | null, "currency": "EUR" | null, "currency_raw": "€" | null}`, one for one, so line
/// counts stay aligned. A malformed line gives a null result and an error naming its line number.
public struct PriceLineProcessor: Sendable {
    /// The locale applied to every line (`--locale`).
    public let locale: String?
    /// The currency hint of lines that give none (`--currency-hint`).
    public let currencyHint: String?
    /// The decimal separator hint of lines that give none (`--decimal-separator`).
    public let decimalSeparatorHint: Character?
    /// The number of lines processed so far (the next line's number is `lineNumber + 1`).
    public var lineNumber = 0

    /// The parser of the last line's hints, used in place, and parsers of earlier hints.
    private var current: PriceParser
    private var currentKey: ParserKey
    private var parsers: [ParserKey: PriceParser] = [:]

    private struct ParserKey: Hashable {
        var hint: String?
        var mark: Character?
    }

    /// Creates a processor; `locale` applies to every line, the hints to lines that give none.
    public init(locale: String? = nil, currencyHint: String? = nil, decimalSeparatorHint: Character? = nil) {
        self.locale = locale
        self.currencyHint = currencyHint
        self.decimalSeparatorHint = decimalSeparatorHint
        currentKey = ParserKey(hint: currencyHint, mark: decimalSeparatorHint)
        current = PriceParser(decimalSeparatorHint: decimalSeparatorHint, currencyHint: currencyHint, locale: locale)
    }

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
        let key = ParserKey(hint: request.currencyHint ?? currencyHint,
                            mark: request.decimalSeparatorHint ?? decimalSeparatorHint)
        if key != currentKey { switchParser(to: key) }
        switch request.text {
        case .null: output.append(contentsOf: Self.nullLine)
        case .range(let range):
            Self.write(current.parse(utf8: UnsafeBufferPointer(rebasing: line[range])), into: &output)
        case .decoded(let text): Self.write(current.parse(text), into: &output)
        }
        return nil
    }

    /// Processes every line of `chunk` (lines end with `\n`, a `\r` before it is dropped; a last line without
    /// one is processed too), appending result lines to `output` and error messages to `errors`.
    public mutating func process(lines chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8],
                                 errors: inout [String]) {
        guard let base = chunk.baseAddress else { return }
        var start = 0
        while start < chunk.count {
            let newline = memchr(base + start, 0x0A, chunk.count - start)
                .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? chunk.count
            var end = newline
            if end > start, chunk[end - 1] == 0x0D { end -= 1 }
            if let error = process(UnsafeBufferPointer(rebasing: chunk[start..<end]), into: &output) {
                errors.append(error)
            }
            start = newline + 1
        }
    }

    private mutating func switchParser(to key: ParserKey) {
        if parsers.count < 64 { parsers[currentKey] = current }
        currentKey = key
        current = parsers[key] ?? PriceParser(decimalSeparatorHint: key.mark, currencyHint: key.hint, locale: locale)
    }

    static let nullLine = Array("{\"amount\": null, \"currency\": null, \"currency_raw\": null}\n".utf8)

    /// Appends one result line, built in temporary storage and appended at once.
    public static func write(_ result: PriceParser.Result, into output: inout [UInt8]) {
        var currency = result.currency ?? ""
        currency.withUTF8 { currency in
            let capacity = 96 + (result.exact?.textCapacity ?? 0) + 6 * currency.count
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
                var line = LineWriter(base: buffer.baseAddress!)
                line.put("{\"amount\": ")
                if let exact = result.exact {
                    line.put("\"")
                    line.count += exact.write(to: line.base + line.count)
                    line.put("\"")
                } else {
                    line.put("null")
                }
                line.put(", \"currency\": ")
                if result.currency == nil { line.put("null") } else { line.putQuoted(currency) }
                line.put(", \"currency_raw\": ")
                if let entry = result.rawEntry {
                    line.putQuoted(CurrencyTable.entries[Int(entry)].raw)
                } else {
                    line.put("null")
                }
                line.put("}\n")
                output.append(contentsOf: UnsafeBufferPointer(start: line.base, count: line.count))
            }
        }
    }
}

/// Writes a result line into temporary storage.
private struct LineWriter {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    mutating func put(_ literal: StaticString) {
        (base + count).update(from: literal.utf8Start, count: literal.utf8CodeUnitCount)
        count += literal.utf8CodeUnitCount
    }

    mutating func putQuoted(_ text: String) {
        var text = text
        text.withUTF8 { putQuoted($0) }
    }

    /// `bytes` as a JSON string (at most six bytes out per byte in, plus quotes).
    mutating func putQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
        base[count] = UInt8(ascii: "\"")
        count += 1
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                base[count] = UInt8(ascii: "\\")
                base[count + 1] = byte
                count += 2
            case 0..<0x20:
                let hex: StaticString = "0123456789abcdef"
                for (offset, value) in [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30].enumerated() {
                    base[count + offset] = value
                }
                base[count + 4] = hex.utf8Start[Int(byte >> 4)]
                base[count + 5] = hex.utf8Start[Int(byte & 0xF)]
                count += 6
            default:
                base[count] = byte
                count += 1
            }
        }
        base[count] = UInt8(ascii: "\"")
        count += 1
    }
}
