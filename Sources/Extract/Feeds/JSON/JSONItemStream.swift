import AuditModel
import Foundation

/// Streams the items of a JSON document: reads it chunk by chunk, checks its syntax as strictly as `JSONParser`
/// does (strict mode), follows the path of every value and hands over each value at the items path, parsed on its
/// own, as soon as it ends. Memory holds one item, never the document or its tree.
///
/// A syntax error or a failed read stops reading: the items before it have been handed over, the one it cut short
/// never is, and the error is a problem with its line and column.
struct JSONItemStream {
    /// The largest item read (its bytes); a larger one is a problem, and reading goes on after it.
    static let maxItemBytes = 32 << 20
    /// The deepest nesting read, as `JSONParser`'s.
    static let maxDepth = 512

    /// What to follow: the items at a path, or (`discover`) where the items are (`JSONRecord.items` rules).
    enum Target {
        case items([JSONPath.Step])
        case discover
    }

    /// What reading gave besides the items.
    struct Outcome {
        /// Items handed over.
        var items = 0
        /// Syntax errors, read failures and oversized items, each with its position.
        var problems: [Problem] = []
        /// True when reading stopped before the end (a syntax error or a failed read).
        var stoppedEarly = false
    }

    /// Reads the items at `steps` (`data.products[]`), handing each with its locator (`data.products[3]`) to `each`.
    /// `chunkSize` and `maxItemBytes` are for tests.
    static func read(_ input: FeedInput, source: String, items steps: [JSONPath.Step], chunkSize: Int = 256 << 10,
                     maxItemBytes: Int = maxItemBytes, each: (JSONValue, String) -> Void) -> Outcome {
        var scanner = JSONItemScanner(target: .items(steps), maxItemBytes: maxItemBytes)
        return scanner.run(input, source: source, chunkSize: chunkSize, each: each)
    }

    /// The syntax errors and read failures of a document, reading no item.
    static func check(_ input: FeedInput, source: String) -> [Problem] {
        read(input, source: source, items: [.index(-1)]) { _, _ in }.problems  // an index no array has
    }

    /// Where the items of a document with no items path are, as member names from the root: a top-level array
    /// (`[]`), else the first member array holding an object, level by level (`["data", "products"]`); nil when
    /// there is none. A document broken part way is searched up to the break.
    static func discover(_ input: FeedInput, chunkSize: Int = 256 << 10) -> [String]? {
        var scanner = JSONItemScanner(target: .discover)
        _ = scanner.run(input, source: "", chunkSize: chunkSize, each: { _, _ in })
        return scanner.discovered
    }
}

/// The byte-by-byte automaton behind `JSONItemStream`.
struct JSONItemScanner {
    private enum Expect { case objectStart, key, colon, value, arrayStart, element, commaOrClose }

    private struct Frame {
        var isObject: Bool
        /// Members or elements begun so far.
        var count = 0
        /// The current member's name, when the frame is tracked.
        var key = ""
        /// On the way to items (reading a path), or an object reached only through objects (discovering).
        var tracked: Bool
        var expect: Expect
        /// Discovering: the first member array holding an object, and the first member object that has one.
        var direct: [String]? = nil
        var nested: [String]? = nil
    }

    private enum Mode {
        case structural
        case string(isKey: Bool)
        case number(state: UInt8)
        case literal(word: StaticString, at: Int)
        /// Inside an item that is an object or array: only its strings and nesting are followed, to find its end;
        /// the item is then checked and parsed whole by `JSONParser`, which says where it is malformed.
        case item
    }

    private let target: JSONItemStream.Target
    private let maxItemBytes: Int
    private var frames: [Frame] = []
    private var mode = Mode.structural
    private var rootDone = false
    /// The bytes of a byte order mark matched so far; -1 once content began.
    private var bomMatched = 0
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private var stopped = false
    private var line = 1
    private var column = 1
    /// A string's escape: 0 none, 1 after a backslash, 2…5 hex digits of `\u` still to come (5 = four).
    private var escape = 0
    private var keyBytes: [UInt8] = []
    private var collectingKey = false
    /// The item being read: the frame depth it began at, its bytes, where they start in the current chunk.
    private var capturing = false
    private var captureDepth = 0
    private var captureStart = 0
    private var item: [UInt8] = []
    private var itemLocator = ""
    private var oversized = false
    /// Inside an item (`Mode.item`): its nesting, whether in a string or after a backslash, where it began.
    private var itemDepth = 0
    private var itemInString = false
    private var itemEscaped = false
    private var itemLine = 1
    private var itemColumn = 1
    private var outcome = JSONItemStream.Outcome()
    private var source = ""
    /// Discovering: the answer, once known.
    private(set) var discovered: [String]?

    init(target: JSONItemStream.Target, maxItemBytes: Int = JSONItemStream.maxItemBytes) {
        self.target = target
        self.maxItemBytes = maxItemBytes
    }

    private struct Stop: Error {
        var message: String?
        /// Where, when not the scanner's own position (an error `JSONParser` found inside an item).
        var line: Int? = nil
        var column: Int? = nil
    }

    mutating func run(_ input: FeedInput, source: String, chunkSize: Int, each: (JSONValue, String) -> Void) -> JSONItemStream.Outcome {
        self.source = source
        input.convertingUTF16()
        var chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
        readLoop: while !stopped {
            let count = chunk.withUnsafeMutableBytes { input.read(into: $0) }
            if count <= 0 { break }
            var failed: Stop? = nil
            chunk.withUnsafeBufferPointer { buffer in
                var start = 0
                // A byte order mark is not content (its three bytes may come in different chunks).
                while bomMatched >= 0 && bomMatched < 3 && start < count {
                    if buffer[start] == Self.byteOrderMark[bomMatched] {
                        bomMatched += 1
                        start += 1
                    } else {
                        if bomMatched > 0 { failed = stop("unexpected character, expected a value") }
                        bomMatched = -1
                    }
                }
                if failed != nil { return }
                do {
                    try scan(UnsafeBufferPointer(rebasing: buffer[0..<count]), from: start, each: each)
                } catch {
                    failed = error as? Stop
                }
            }
            if let failed {
                if let message = failed.message { fail(message, line: failed.line, column: failed.column) }
                break readLoop
            }
        }
        if !stopped && !outcome.stoppedEarly { finishInput(input, each: each) }
        if case .discover = target, discovered == nil { discovered = fold() }
        return outcome
    }

    // MARK: - The end of the input

    private mutating func finishInput(_ input: FeedInput, each: (JSONValue, String) -> Void) {
        if let failure = input.failure {
            fail("\(failure) (reading stopped here\(itemsSoFar))")
            return
        }
        if case .number(let state) = mode {
            guard Self.numberCanEnd(state) else { return fail(Self.numberMessage(state)) }
            mode = .structural
            do { try endValue(endingAt: 0, in: UnsafeBufferPointer(start: nil, count: 0), each: each) } catch { return }
        }
        switch mode {
        case .item:
            // What the parser says of the item cut short (an unterminated string …), where it says it.
            if !oversized, let error = parseItem().error { return fail(error.message, line: error.line, column: error.column) }
            fail("unexpected end of input")
        case .string: fail("unterminated string")
        case .literal: fail("unexpected end of input")
        default:
            if !frames.isEmpty { fail("unexpected end of input") } else if !rootDone { fail("unexpected end of input, expected a value") }
        }
    }

    private var itemsSoFar: String {
        guard case .items = target else { return "" }
        return " after \(outcome.items) item\(outcome.items == 1 ? "" : "s")"
    }

    private mutating func fail(_ message: String, line: Int? = nil, column: Int? = nil) {
        outcome.stoppedEarly = true
        guard case .items = target else { return }
        let text = message.contains("reading stopped") ? message : "malformed JSON: \(message) (reading stopped here\(itemsSoFar))"
        outcome.problems.append(Problem(source: source, position: "line \(line ?? self.line), column \(column ?? self.column)", message: text))
    }

    // MARK: - Scanning

    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, each: (JSONValue, String) -> Void) throws(Stop) {
        var index = start
        captureStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch mode {
            case .structural:
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    advance(byte)
                    index += 1
                    continue
                }
                try structural(byte, at: index, in: bytes, each: each)
                if stopped { return }
                advance(byte)
                index += 1
            case .string(let isKey):
                // The body of a string up to its quote, escape or control character in one run.
                if escape == 0 {
                    let runStart = index
                    while index < bytes.count {
                        let next = bytes[index]
                        if next == 0x22 || next == 0x5C || next < 0x20 { break }
                        if next & 0xC0 != 0x80 { column += 1 }
                        index += 1
                    }
                    if isKey && collectingKey { keyBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                    if index == bytes.count { break }
                }
                let next = bytes[index]
                if isKey && collectingKey { keyBytes.append(next) }
                if escape == 1 {
                    escape = next == UInt8(ascii: "u") ? 5 : 0
                } else if escape > 1 {
                    guard Self.isHex(next) else { throw stop("invalid \\u escape") }
                    escape = escape == 2 ? 0 : escape - 1
                } else if next == 0x5C {
                    escape = 1
                } else if next == 0x22 {
                    mode = .structural
                    if isKey { keyEnded() } else { try endValue(endingAt: index + 1, in: bytes, each: each) }
                } else {
                    throw stop("raw control character in a string")
                }
                if stopped { return }
                advance(next)
                index += 1
            case .number(let state):
                if let next = Self.number(state, byte) {
                    mode = .number(state: next)
                    advance(byte)
                    index += 1
                    continue
                }
                if Self.isNumberByte(byte) || !Self.numberCanEnd(state) {
                    throw stop(Self.isNumberByte(byte) && Self.numberCanEnd(state) ? "malformed number" : Self.numberMessage(state))
                }
                mode = .structural
                try endValue(endingAt: index, in: bytes, each: each)
                if stopped { return }
            // the byte after the number is read again, as structure
            case .item:
                while index < bytes.count {
                    let next = bytes[index]
                    advance(next)
                    index += 1
                    if itemInString {
                        if itemEscaped {
                            itemEscaped = false
                        } else if next == 0x5C {
                            itemEscaped = true
                        } else if next == 0x22 {
                            itemInString = false
                        }
                    } else if next == 0x22 {
                        itemInString = true
                    } else if next == 0x7B || next == 0x5B {
                        itemDepth += 1
                        guard frames.count + itemDepth <= JSONItemStream.maxDepth else {
                            column -= 1  // at the bracket, as the parser says it
                            throw stop("nesting deeper than \(JSONItemStream.maxDepth) levels")
                        }
                    } else if next == 0x7D || next == 0x5D {
                        itemDepth -= 1
                        if itemDepth == 0 {
                            mode = .structural
                            try itemEnded(endingAt: index, in: bytes, each: each)
                            break
                        }
                    }
                }
            case .literal(let word, let at):
                guard byte == word.utf8Start[at] else { throw stop("unexpected character '\(Unicode.Scalar(byte))' in a literal, expected \(word)") }
                advance(byte)
                index += 1
                if at + 1 == word.utf8CodeUnitCount {
                    mode = .structural
                    try endValue(endingAt: index, in: bytes, each: each)
                    if stopped { return }
                } else {
                    mode = .literal(word: word, at: at + 1)
                }
            }
        }
        if capturing && !oversized { keep(bytes, upTo: bytes.count) }
    }

    private mutating func advance(_ byte: UInt8) {
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private func stop(_ message: String) -> Stop { Stop(message: message) }

    private mutating func structural(_ byte: UInt8, at index: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                     each: (JSONValue, String) -> Void) throws(Stop) {
        guard !frames.isEmpty else {
            if rootDone { throw stop("unexpected content after the JSON value") }
            return try beginValue(byte, at: index, in: bytes)
        }
        let top = frames.count - 1
        switch frames[top].expect {
        case .objectStart, .key:
            if byte == UInt8(ascii: "}") {
                if frames[top].expect == .key { throw stop("trailing comma") }
                return try close(at: index, in: bytes, each: each)
            }
            guard byte == 0x22 else { throw stop("expected a quoted member name") }
            collectingKey = frames[top].tracked && !capturing
            keyBytes.removeAll(keepingCapacity: true)
            if collectingKey { keyBytes.append(byte) }
            mode = .string(isKey: true)
        case .colon:
            guard byte == UInt8(ascii: ":") else { throw stop("expected ':' after member name") }
            frames[top].expect = .value
        case .value, .element, .arrayStart:
            if byte == UInt8(ascii: "]"), frames[top].expect != .value {
                if frames[top].expect == .element { throw stop("trailing comma") }
                return try close(at: index, in: bytes, each: each)
            }
            try beginValue(byte, at: index, in: bytes)
        case .commaOrClose:
            let close = frames[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if byte == UInt8(ascii: ",") {
                frames[top].expect = frames[top].isObject ? .key : .element
            } else if byte == close {
                try self.close(at: index, in: bytes, each: each)
            } else {
                throw stop("expected ',' or '\(Unicode.Scalar(close))'")
            }
        }
    }

    private mutating func keyEnded() {
        let top = frames.count - 1
        if collectingKey {
            if keyBytes.contains(0x5C), case .string(let decoded)? = try? JSONParser.parse(bytes: keyBytes, lenient: false) {
                frames[top].key = decoded
            } else {
                frames[top].key = String(decoding: keyBytes.dropFirst().dropLast(), as: UTF8.self)
            }
        }
        collectingKey = false
        frames[top].expect = .colon
    }

    // MARK: - Values

    private mutating func beginValue(_ byte: UInt8, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) throws(Stop) {
        let depth = frames.count
        var isItem = false
        var childTracked = false
        if depth > 0 { frames[depth - 1].count += 1 }
        if !capturing {
            switch target {
            case .items(let steps):
                let onPath = depth == 0 || (frames[depth - 1].tracked && matches(steps[depth - 1], frames[depth - 1]))
                isItem = onPath && depth == steps.count
                childTracked = onPath && depth < steps.count
            case .discover:
                if depth == 0 {
                    if byte == UInt8(ascii: "[") {
                        discovered = []
                        stopped = true
                        return
                    }
                    childTracked = byte == UInt8(ascii: "{")
                } else if frames[depth - 1].tracked {
                    if frames[depth - 1].isObject {
                        childTracked = true  // an object member: an object on the chain, or an array to watch
                    } else if byte == UInt8(ascii: "{"), frames[depth - 2].direct == nil {
                        frames[depth - 2].direct = [frames[depth - 2].key]  // the first member array holding an object
                        if depth == 2 {
                            discovered = frames[0].direct
                            stopped = true
                            return
                        }
                    }
                }
            }
        }
        if isItem {
            capturing = true
            captureDepth = depth
            captureStart = index
            item.removeAll(keepingCapacity: true)
            oversized = false
            itemLocator = locator()
        }
        if isItem && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")) {
            guard depth < JSONItemStream.maxDepth else { throw stop("nesting deeper than \(JSONItemStream.maxDepth) levels") }
            (itemLine, itemColumn) = (line, column)
            (itemDepth, itemInString, itemEscaped) = (1, false, false)
            mode = .item
            return
        }
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONItemStream.maxDepth else { throw stop("nesting deeper than \(JSONItemStream.maxDepth) levels") }
            let isObject = byte == UInt8(ascii: "{")
            frames.append(Frame(isObject: isObject, tracked: childTracked, expect: isObject ? .objectStart : .arrayStart))
        case 0x22:
            mode = .string(isKey: false)
        case UInt8(ascii: "-"): mode = .number(state: 0)
        case UInt8(ascii: "0"): mode = .number(state: 1)
        case UInt8(ascii: "1")...UInt8(ascii: "9"): mode = .number(state: 2)
        case UInt8(ascii: "t"): mode = .literal(word: "true", at: 1)
        case UInt8(ascii: "f"): mode = .literal(word: "false", at: 1)
        case UInt8(ascii: "n"): mode = .literal(word: "null", at: 1)
        default: throw stop("unexpected character '\(Unicode.Scalar(byte))', expected a value")
        }
    }

    private func matches(_ step: JSONPath.Step, _ frame: Frame) -> Bool {
        switch step {
        case .member(let name): frame.isObject && frame.key == name
        case .index(let wanted): !frame.isObject && frame.count - 1 == wanted
        case .each: !frame.isObject
        }
    }

    /// The concrete path of the value beginning now (`data.products[3]`), as `JSONPath.select` writes it.
    private func locator() -> String {
        var text = ""
        for frame in frames {
            if frame.isObject {
                text += text.isEmpty ? frame.key : ".\(frame.key)"
            } else {
                text += "[\(frame.count - 1)]"
            }
        }
        return text
    }

    private mutating func close(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, each: (JSONValue, String) -> Void) throws(Stop) {
        let closed = frames.removeLast()
        if case .discover = target, closed.isObject, closed.tracked {
            let result = closed.direct ?? closed.nested
            if frames.isEmpty {
                discovered = result
                stopped = true
            } else if let result, frames[frames.count - 1].nested == nil {
                frames[frames.count - 1].nested = [frames[frames.count - 1].key] + result
            }
        }
        try endValue(endingAt: index + 1, in: bytes, each: each)
    }

    /// A value ended just before `end` in `bytes`: the item it completes is handed over; its container expects
    /// a comma or its end.
    private mutating func endValue(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                   each: (JSONValue, String) -> Void) throws(Stop) {
        if capturing && frames.count == captureDepth {
            capturing = false
            if !oversized { keep(bytes, upTo: end) }
            deliver(each)
        }
        if frames.isEmpty {
            rootDone = true
        } else {
            frames[frames.count - 1].expect = .commaOrClose
        }
    }

    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) {
        if end > captureStart { item.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[captureStart..<end])) }
        captureStart = end
        if item.count > maxItemBytes {
            oversized = true
            item = []
        }
    }

    /// An item read in `Mode.item` ended just before `end`: checked and parsed whole, handed over; a syntax error
    /// in it stops reading, at its place in the document.
    private mutating func itemEnded(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>,
                                    each: (JSONValue, String) -> Void) throws(Stop) {
        capturing = false
        var value: JSONValue? = nil
        if !oversized {
            keep(bytes, upTo: end)
            let parsed = parseItem()
            if let error = parsed.error { throw Stop(message: error.message, line: error.line, column: error.column) }
            value = parsed.value
        }
        deliver(each, value)
        if frames.isEmpty {
            rootDone = true
        } else {
            frames[frames.count - 1].expect = .commaOrClose
        }
    }

    /// The item's bytes parsed, or the error with its place in the document.
    private mutating func parseItem() -> (value: JSONValue?, error: (message: String, line: Int, column: Int)?) {
        do {
            return (try JSONParser.parse(bytes: item, lenient: false), nil)
        } catch {
            let line = itemLine + error.line - 1
            return (nil, (error.message, line, error.line == 1 ? itemColumn + error.column - 1 : error.column))
        }
    }

    /// Hands over the item just read (`value`, else its bytes parsed), or says it was too large to keep.
    private mutating func deliver(_ each: (JSONValue, String) -> Void, _ value: JSONValue? = nil) {
        if oversized {
            outcome.problems.append(Problem(source: source, position: itemLocator.isEmpty ? "top level" : itemLocator,
                                            message: "item larger than \(Self.describe(maxItemBytes)): not read"))
            return
        }
        guard let value = value ?? parseItem().value else { return }  // a scalar the scanner has checked
        outcome.items += 1
        each(value, itemLocator)
    }

    private static func describe(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes" }

    /// Discovering, at the end or a break: the answer from the frames still open, innermost first.
    private func fold() -> [String]? {
        var result: [String]? = nil
        for frame in frames.reversed() {
            guard frame.isObject && frame.tracked else {
                result = nil
                continue
            }
            let nested = frame.nested ?? result.map { [frame.key] + $0 }
            result = frame.direct ?? nested
        }
        return result
    }

    // MARK: - Numbers

    /// The next state of a number after `byte`, nil when the byte does not continue it. States: 0 after '-',
    /// 1 after a leading 0, 2 in the integer digits, 3 after '.', 4 in the fraction, 5 after 'e', 6 after its sign,
    /// 7 in the exponent.
    private static func number(_ state: UInt8, _ byte: UInt8) -> UInt8? {
        let digit = byte >= 0x30 && byte <= 0x39
        switch state {
        case 0: return byte == 0x30 ? 1 : digit ? 2 : nil
        case 1: return byte == 0x2E ? 3 : byte | 0x20 == 0x65 ? 5 : nil
        case 2: return digit ? 2 : byte == 0x2E ? 3 : byte | 0x20 == 0x65 ? 5 : nil
        case 3, 4: return digit ? 4 : state == 4 && byte | 0x20 == 0x65 ? 5 : nil
        case 5: return byte == 0x2B || byte == 0x2D ? 6 : digit ? 7 : nil
        default: return digit ? 7 : nil
        }
    }

    private static func numberCanEnd(_ state: UInt8) -> Bool { state == 1 || state == 2 || state == 4 || state == 7 }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2B || byte == 0x2D || byte | 0x20 == 0x65
    }

    private static func numberMessage(_ state: UInt8) -> String {
        switch state {
        case 0: "malformed number: a digit is expected"
        case 3: "malformed number: a digit is expected after the decimal point"
        case 5, 6: "malformed number: a digit is expected in the exponent"
        default: "malformed number"
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }
}
