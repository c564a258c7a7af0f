import AuditModel
import Foundation

/// Where values begin and end: items found, captured and handed over; items found without a path.
extension JSONItemScanner {
    mutating func beginValue(_ byte: UInt8, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) throws(Stop) {
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

    func matches(_ step: JSONPath.Step, _ frame: Frame) -> Bool {
        switch step {
        case .member(let name): frame.isObject && frame.key == name
        case .index(let wanted): !frame.isObject && frame.count - 1 == wanted
        case .each: !frame.isObject
        }
    }

    /// The concrete path of the value beginning now (`data.products[3]`), as `JSONPath.select` writes it.
    func locator() -> String {
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

    mutating func close(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, each: (JSONValue, String) -> Void) throws(Stop) {
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
    mutating func endValue(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>,
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

    mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) {
        if end > captureStart { item.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[captureStart..<end])) }
        captureStart = end
        if item.count > maxItemBytes {
            oversized = true
            item = []
        }
    }

    /// An item read in `Mode.item` ended just before `end`: checked and parsed whole, handed over; a syntax error
    /// in it stops reading, at its place in the document.
    mutating func itemEnded(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>,
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
    mutating func parseItem() -> (value: JSONValue?, error: (message: String, line: Int, column: Int)?) {
        do {
            return (try JSONParser.parse(bytes: item, lenient: false), nil)
        } catch {
            let line = itemLine + error.line - 1
            return (nil, (error.message, line, error.line == 1 ? itemColumn + error.column - 1 : error.column))
        }
    }

    /// Hands over the item just read (`value`, else its bytes parsed), or says it was too large to keep.
    mutating func deliver(_ each: (JSONValue, String) -> Void, _ value: JSONValue? = nil) {
        if oversized {
            outcome.problems.append(Problem(source: source, position: itemLocator.isEmpty ? "top level" : itemLocator,
                                            message: "item larger than \(Self.describe(maxItemBytes)): not read"))
            return
        }
        guard let value = value ?? parseItem().value else { return }  // a scalar the scanner has checked
        outcome.items += 1
        each(value, itemLocator)
    }

    static func describe(_ bytes: Int) -> String { bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes) bytes" }

    /// Discovering, at the end or a break: the answer from the frames still open, innermost first.
    func fold() -> [String]? {
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
}
