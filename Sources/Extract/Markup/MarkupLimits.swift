import AuditModel
import Foundation

/// A linear pre-scan of markup bytes that refuses what libxml2 cannot be told to stop on: a DOCTYPE in XML
/// that never needs one (internal entities expand without bound inside text), an element with thousands of
/// attributes (libxml2 2.9 checks duplicates in O(n²)), and an absurd number of elements.
/// `<script>`/`<style>` contents and comments are skipped, so code in a page is not mistaken for tags.
public struct MarkupLimits: Sendable {
    /// Refuse `<!DOCTYPE` (sitemaps and XML feeds never need one).
    public var forbidDoctype = false
    /// The most attributes one element may carry.
    public var maxAttributes = 1_000
    /// The most elements one input may hold.
    public var maxElements = 2_000_000

    /// Limits for XML inputs that need no DTD (sitemaps, feeds).
    public static let xmlData = MarkupLimits(forbidDoctype: true, maxAttributes: 256, maxElements: 2_000_000)
    /// Limits for HTML pages.
    public static let page = MarkupLimits(forbidDoctype: false, maxAttributes: 1_000, maxElements: 2_000_000)

    /// Creates limits.
    public init(forbidDoctype: Bool = false, maxAttributes: Int = 1_000, maxElements: Int = 2_000_000) {
        self.forbidDoctype = forbidDoctype
        self.maxAttributes = maxAttributes
        self.maxElements = maxElements
    }

    /// Throws a `Problem` with the line and column of the first violation.
    public func check(_ data: Data, source: String) throws(Problem) {
        var failure: (offset: Int, message: String)?
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            failure = scan(bytes)
        }
        guard let failure else { return }
        let prefix = data.prefix(failure.offset)
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let column = failure.offset - (prefix.lastIndex(of: 0x0A).map { $0 - data.startIndex + 1 } ?? 0) + 1
        throw Problem(source: source, position: "line \(line), column \(column)", message: failure.message)
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, message: String)? {
        let count = bytes.count
        var elements = 0
        var i = 0
        while i < count {
            // Straight to the next `<` (memchr), then look at the tag.
            guard let base = bytes.baseAddress, let found = memchr(base + i, 0x3C, count - i) else { break }
            i = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            guard i + 1 < count else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                if Self.matches(bytes, at: i, "<!--") {
                    i = Self.find(bytes, from: i + 4, "-->") ?? count
                    continue
                }
                if forbidDoctype, Self.matchesCaseless(bytes, at: i, "<!doctype") {
                    return (i, "a DOCTYPE is not allowed here (it could declare entities that expand without bound)")
                }
                i += 2
                continue
            }
            guard Self.isLetter(next) else { i += 1; continue }
            let start = i
            elements += 1
            if elements > maxElements { return (start, "more than \(maxElements) elements") }
            // The closing `>` of the start tag, quotes respected: quoted values are skipped with memchr.
            var j = i + 1
            while j < count, !Self.isSpace(bytes[j]), bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "/") { j += 1 }
            let rawText = next | 0x20 == UInt8(ascii: "s")
                && (Self.matchesCaseless(bytes, at: i, "<script") || Self.matchesCaseless(bytes, at: i, "<style"))
            let attributesStart = j
            while j < count {
                let byte = bytes[j]
                if byte == UInt8(ascii: ">") { break }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    guard let base = bytes.baseAddress, let found = memchr(base + j + 1, Int32(byte), count - j - 1) else { j = count; break }
                    j = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                }
                j += 1
            }
            // Each attribute counted takes a space and a name byte: only a tag this long can hold too many.
            if j - attributesStart > 2 * maxAttributes,
                Self.attributeCount(bytes, from: attributesStart, to: j, stoppingAfter: maxAttributes) > maxAttributes {
                return (start, "an element with more than \(maxAttributes) attributes")
            }
            i = j + 1
            if rawText {
                let script = Self.matchesCaseless(bytes, at: start, "<script")
                i = (script ? Self.findCaseless(bytes, from: i, "</script") : Self.findCaseless(bytes, from: i, "</style")) ?? count
            }
        }
        return nil
    }

    /// The attribute names of a start tag between its name and its `>` (quotes respected), counted up to
    /// `limit + 1`.
    private static func attributeCount(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, stoppingAfter limit: Int) -> Int {
        var attributes = 0
        var quote: UInt8 = 0
        var afterSpace = false
        var afterEquals = false
        var j = from
        while j < end {
            let byte = bytes[j]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
                afterEquals = false
            } else if isSpace(byte) {
                afterSpace = true
            } else if byte == UInt8(ascii: "=") {
                afterEquals = true
                afterSpace = false
            } else {
                if afterSpace && !afterEquals && byte != UInt8(ascii: "/") {
                    attributes += 1
                    if attributes > limit { return attributes }
                }
                afterSpace = false
                afterEquals = false
            }
            j += 1
        }
        return attributes
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for k in 0..<length where bytes[index + k] != text.utf8Start[k] { return false }
        return true
    }

    private static func matchesCaseless(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for k in 0..<length {
            let a = bytes[index + k], b = text.utf8Start[k]
            if a != b && (a | 0x20) != b { return false }
        }
        return true
    }

    /// The index just past the first occurrence of `text` from `from`, or nil.
    private static func find(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, _ text: StaticString) -> Int? {
        var k = from
        let first = Int32(text.utf8Start[0])
        while k < bytes.count, let base = bytes.baseAddress, let found = memchr(base + k, first, bytes.count - k) {
            k = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            if matches(bytes, at: k, text) { return k + text.utf8CodeUnitCount }
            k += 1
        }
        return nil
    }

    /// The index of the first caseless occurrence of `text` from `from`, or nil.
    private static func findCaseless(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, _ text: StaticString) -> Int? {
        var k = from
        while k < bytes.count, let base = bytes.baseAddress, let found = memchr(base + k, 0x3C, bytes.count - k) {
            k = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            if matchesCaseless(bytes, at: k, text) { return k }
            k += 1
        }
        return nil
    }
}
