import AuditModel
import Foundation

/// The byte-by-byte automaton behind `JSONItemStream`.
struct JSONItemScanner {
    enum Expect { case objectStart, key, colon, value, arrayStart, element, commaOrClose }

    struct Frame {
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

    enum Mode {
        case structural
        case string(isKey: Bool)
        case number(state: UInt8)
        case literal(word: StaticString, at: Int)
        /// Inside an item that is an object or array: only its strings and nesting are followed, to find its end;
        /// the item is then checked and parsed whole by `JSONParser`, which says where it is malformed.
        case item
    }

    let target: JSONItemStream.Target
    let maxItemBytes: Int
    var frames: [Frame] = []
    var mode = Mode.structural
    var rootDone = false
    /// The bytes of a byte order mark matched so far; -1 once content began.
    var bomMatched = 0
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    var stopped = false
    var line = 1
    var column = 1
    /// A string's escape: 0 none, 1 after a backslash, 2…5 hex digits of `\u` still to come (5 = four).
    var escape = 0
    var keyBytes: [UInt8] = []
    var collectingKey = false
    /// The item being read: the frame depth it began at, its bytes, where they start in the current chunk.
    var capturing = false
    var captureDepth = 0
    var captureStart = 0
    var item: [UInt8] = []
    var itemLocator = ""
    var oversized = false
    /// Inside an item (`Mode.item`): its nesting, whether in a string or after a backslash, where it began.
    var itemDepth = 0
    var itemInString = false
    var itemEscaped = false
    var itemLine = 1
    var itemColumn = 1
    var outcome = JSONItemStream.Outcome()
    var source = ""
    /// Discovering: the answer, once known.
    var discovered: [String]?

    init(target: JSONItemStream.Target, maxItemBytes: Int = JSONItemStream.maxItemBytes) {
        self.target = target
        self.maxItemBytes = maxItemBytes
    }

    struct Stop: Error {
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

    mutating func finishInput(_ input: FeedInput, each: (JSONValue, String) -> Void) {
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

    var itemsSoFar: String {
        guard case .items = target else { return "" }
        return " after \(outcome.items) item\(outcome.items == 1 ? "" : "s")"
    }

    mutating func fail(_ message: String, line: Int? = nil, column: Int? = nil) {
        outcome.stoppedEarly = true
        guard case .items = target else { return }
        let text = message.contains("reading stopped") ? message : "malformed JSON: \(message) (reading stopped here\(itemsSoFar))"
        outcome.problems.append(Problem(source: source, position: "line \(line ?? self.line), column \(column ?? self.column)", message: text,
                                        stopsReading: true))
    }

    // MARK: - Scanning

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, each: (JSONValue, String) -> Void) throws(Stop) {
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

    mutating func advance(_ byte: UInt8) {
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    func stop(_ message: String) -> Stop { Stop(message: message) }

    mutating func structural(_ byte: UInt8, at index: Int, in bytes: UnsafeBufferPointer<UInt8>,
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

    mutating func keyEnded() {
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
}
