import CLibXML2
import Foundation

/// Parses an HTML page with the bodies of its `<script>` and `<style>` elements taken out and put back after
/// the parse, because libxml2 2.9.14 reads those bodies one character at a time (half the parse time of a page
/// with inline theme bundles) while a copy costs nothing.
///
/// The tree is the one `htmlReadMemory` builds from the page itself, or there is no tree and the caller parses
/// the page as it is:
/// - a body is taken out only when libxml2 would keep it byte for byte: valid UTF-8 without characters libxml2
///   drops (C0 controls other than tab, newline and carriage return, NUL, U+FFFE, U+FFFF), and the parse must end
///   without any decoder (a legacy charset, or libxml2's Latin-1 fallback after invalid UTF-8), checked after it;
/// - each body is replaced by its newlines (line numbers stay) and a numbered placeholder, and each placeholder
///   must come back as the whole text of a `script` / `style` element of the same name, exactly once. Then
///   libxml2 started and ended that body where this scan did (it ends a body at the first `</script` or
///   `</style`, whatever follows, as the scan does), and the original bytes are put in its place.
/// JSON-LD scripts are left in place (they are small and read anyway).
struct RawTextBodies {
    private let original: Data
    private let encoding: String?
    private var edited: [UInt8] = []
    /// What a part taken out was: a script body, a style body or a quoted attribute value.
    private enum Kind { case script, style, attribute }
    /// The parts taken out, in document order: their range in `original`, newline count and kind.
    private var bodies: [(range: Range<Int>, newlines: Int, kind: Kind)] = []

    /// The placeholder's text after its newlines: this, the part's number and `@` (`shim.h` looks for it too).
    private static let marker: StaticString = "@\u{7F}"
    /// Bodies shorter than this stay (the placeholder would cost about as much).
    private static let minimumLength = 64
    /// Attribute values shorter than this stay.
    private static let minimumAttributeLength = 32

    /// Scans the page; nil when nothing is worth taking out or the page cannot be read this way.
    init?(_ data: Data, encoding: String?) {
        original = data
        self.encoding = encoding
        guard Self.readsAsUTF8(data, encoding: encoding) else { return nil }
        let found: Bool = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard bytes.count > 0, Self.find(Self.marker, in: bytes, from: 0) == nil else { return false }
            return scan(bytes)
        }
        if !found { return nil }
    }

    /// The parsed tree with every body back in place, or nil (the caller then parses the page as it is).
    func parse(url: String, options: Int32) -> xmlDocPtr? {
        var utf8: Int32 = 0
        let empty = omniaudit_raw_text_elements(elements: nil, count: 0, capacity: 0)
        let parsed = Self.marker.withUTF8Buffer { marker in
            marker.withMemoryRebound(to: CChar.self) { markerBytes -> (htmlDocPtr?, omniaudit_raw_text_record) in
                // The marker as a C string (StaticString storage is NUL-terminated).
                var record = omniaudit_raw_text_record(bodies: empty, attributes: empty, marker: markerBytes.baseAddress)
                let doc = edited.withUnsafeBufferPointer { buffer -> htmlDocPtr? in
                    guard let base = buffer.baseAddress else { return nil }
                    return UnsafeRawPointer(base).withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        omniaudit_html_read_memory($0, Int32(clamping: buffer.count), url, encoding, options, &utf8, &record)
                    }
                }
                return (doc, record)
            }
        }
        var record = parsed.1
        defer {
            omniaudit_raw_text_elements_free(&record.bodies)
            omniaudit_raw_text_elements_free(&record.attributes)
        }
        guard let doc = parsed.0 else { return nil }
        guard utf8 == 1, restore(record) else {
            xmlFreeDoc(doc)
            return nil
        }
        return doc
    }

    /// True when libxml2 is told (or will read from the page) that it is UTF-8.
    private static func readsAsUTF8(_ data: Data, encoding: String?) -> Bool {
        if let encoding { return isUTF8(encoding) }
        // No forced encoding: the page declares one in its head; read the first declaration.
        return data.prefix(2048).withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let at = findCaseless("charset", in: bytes, from: 0) else { return false }
            var index = at + 7
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x3D, 0x22, 0x27].contains(bytes[index]) { index += 1 }
            var name = ""
            while index < bytes.count, name.count < 16,
                isNameByte(bytes[index]) { name.append(Character(Unicode.Scalar(bytes[index]))); index += 1 }
            return isUTF8(name)
        }
    }

    private static func isUTF8(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "utf-8" || lower == "utf8"
    }

    /// Finds the bodies and builds the edited copy; false when there is none to take out.
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var copied = 0
        var index = 0
        while index < count {
            guard let open = Self.next(0x3C, in: bytes, from: index) else { break }
            guard open + 1 < count else { break }
            let following = bytes[open + 1]
            if following == 0x21 {  // `<!--` … `-->`; other `<!` are left to the next `<`
                if Self.matches("<!--", in: bytes, at: open) {
                    guard let end = Self.find("-->", in: bytes, from: open + 4) else { break }
                    index = end + 3
                } else {
                    index = open + 2
                }
                continue
            }
            guard Self.isLetter(following) else { index = open + 1; continue }
            var nameEnd = open + 1
            while nameEnd < count, Self.isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            let script = Self.equalsCaseless("script", bytes, open + 1, nameEnd)
            let style = !script && Self.equalsCaseless("style", bytes, open + 1, nameEnd)
            guard let close = Self.tagEnd(bytes, from: nameEnd) else { break }
            index = close + 1
            if !script, !style, !Self.equalsCaseless("meta", bytes, open + 1, nameEnd) {
                takeAttributeValues(bytes, from: nameEnd, to: close, copied: &copied)
                continue
            }
            guard script || style, bytes[close - 1] != 0x2F else { continue }  // `<script … />` closes at once
            guard let end = Self.findCaseless(script ? "</script" : "</style", in: bytes, from: index) else { break }
            let body = index..<end
            index = end
            if body.count < Self.minimumLength { continue }
            if script, Self.findCaseless("ld+json", in: UnsafeBufferPointer(rebasing: bytes[open..<close]), from: 0) != nil { continue }
            guard let newlines = Self.keptAsIs(UnsafeBufferPointer(rebasing: bytes[body])) else { continue }
            take(body, newlines: newlines, kind: style ? .style : .script, from: bytes, copied: &copied)
        }
        if bodies.isEmpty { return false }
        edited.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
        return true
    }

    /// Replaces one part by its placeholder in the edited copy.
    private mutating func take(_ range: Range<Int>, newlines: Int, kind: Kind, from bytes: UnsafeBufferPointer<UInt8>, copied: inout Int) {
        if edited.isEmpty { edited.reserveCapacity(bytes.count) }
        edited.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<range.lowerBound]))
        Self.appendPlaceholder(bodies.count, newlines: newlines, to: &edited)
        bodies.append((range, newlines, kind))
        copied = range.upperBound
    }

    /// Takes out the long quoted attribute values of one start tag (between its name and its `>`) that libxml2
    /// keeps byte for byte: no entity (`&`), nothing it drops; never `id`, `xml:id` or `name` (libxml2 indexes
    /// those values), never in `meta` (libxml2 reads its charset) or `script`/`style` tags.
    private mutating func takeAttributeValues(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to close: Int, copied: inout Int) {
        var position = start
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        while position < close {
            while position < close, isSpace(bytes[position]) || bytes[position] == 0x2F { position += 1 }
            let nameStart = position
            while position < close, !isSpace(bytes[position]), bytes[position] != 0x3D { position += 1 }
            let nameEnd = position
            while position < close, isSpace(bytes[position]) { position += 1 }
            guard position < close, bytes[position] == 0x3D else { continue }
            position += 1
            while position < close, isSpace(bytes[position]) { position += 1 }
            guard position < close else { return }
            let quote = bytes[position]
            guard quote == 0x22 || quote == 0x27 else {
                while position < close, !isSpace(bytes[position]) { position += 1 }
                continue
            }
            guard let closing = Self.next(quote, in: bytes, from: position + 1), closing < close else { return }
            let value = (position + 1)..<closing
            position = closing + 1
            guard value.count >= Self.minimumAttributeLength, nameEnd > nameStart,
                !Self.equalsCaseless("id", bytes, nameStart, nameEnd), !Self.equalsCaseless("name", bytes, nameStart, nameEnd),
                !Self.equalsCaseless("xml:id", bytes, nameStart, nameEnd),
                memchr(bytes.baseAddress! + value.lowerBound, 0x26, value.count) == nil,
                let newlines = Self.keptAsIs(UnsafeBufferPointer(rebasing: bytes[value]))
            else { continue }
            take(value, newlines: newlines, kind: .attribute, from: bytes, copied: &copied)
        }
    }

    /// Appends the placeholder of part `number`: its newlines, the marker, the number and `@`.
    private static func appendPlaceholder(_ number: Int, newlines: Int, to edited: inout [UInt8]) {
        for _ in 0..<newlines { edited.append(0x0A) }
        edited.append(contentsOf: UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount))
        var divisor = 1
        while divisor * 10 <= number { divisor *= 10 }
        while divisor > 0 {
            edited.append(0x30 + UInt8(number / divisor % 10))
            divisor /= 10
        }
        edited.append(0x40)
    }

    /// Puts every part back; false unless each placeholder is found once, as the whole text of its element
    /// (`record.bodies`: the elements libxml2 gave CDATA text) or of its attribute (`record.attributes`).
    private func restore(_ record: omniaudit_raw_text_record) -> Bool {
        var restored = [Bool](repeating: false, count: bodies.count)
        var remaining = bodies.count
        func put(_ text: xmlNodePtr, kind: Kind) {
            guard let content = text.pointee.content, let number = placeholderNumber(content), !restored[number],
                bodies[number].kind == kind
            else { return }
            let range = bodies[number].range
            original.withUnsafeBytes { raw in
                let start = raw.baseAddress!.advanced(by: range.lowerBound).assumingMemoryBound(to: xmlChar.self)
                xmlNodeSetContentLen(text, start, Int32(range.count))
            }
            restored[number] = true
            remaining -= 1
        }
        if let elements = record.bodies.elements {
            for case let node? in UnsafeBufferPointer(start: elements, count: Int(record.bodies.count)) {
                guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name, name.pointee == 0x73,
                    let child = node.pointee.children, child.pointee.type == XML_CDATA_SECTION_NODE, child.pointee.next == nil
                else { continue }
                let cName = UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self)
                if strcmp(cName, "style") == 0 { put(child, kind: .style) } else if strcmp(cName, "script") == 0 { put(child, kind: .script) }
            }
        }
        if let attributes = record.attributes.elements {
            for case let node? in UnsafeBufferPointer(start: attributes, count: Int(record.attributes.count)) {
                guard node.pointee.type == XML_ATTRIBUTE_NODE, let child = node.pointee.children,
                    child.pointee.type == XML_TEXT_NODE, child.pointee.next == nil
                else { continue }
                put(child, kind: .attribute)
            }
        }
        return remaining == 0
    }

    /// The number of the placeholder that is exactly `content`, or nil.
    private func placeholderNumber(_ content: UnsafePointer<xmlChar>) -> Int? {
        var pointer = content
        var newlines = 0
        while pointer.pointee == 0x0A { newlines += 1; pointer += 1 }
        let marker = Self.marker
        for offset in 0..<marker.utf8CodeUnitCount where pointer[offset] != marker.utf8Start[offset] { return nil }
        pointer += marker.utf8CodeUnitCount
        var number = 0
        var digits = 0
        while pointer.pointee >= 0x30 && pointer.pointee <= 0x39, digits < 9 {
            number = number * 10 + Int(pointer.pointee - 0x30)
            pointer += 1
            digits += 1
        }
        guard digits > 0, pointer[0] == 0x40, pointer[1] == 0, number < bodies.count, bodies[number].newlines == newlines
        else { return nil }
        return number
    }

    /// The newline count of a body libxml2 would keep byte for byte, or nil.
    private static func keptAsIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var newlines = 0
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        while index < count {
            // Eight printable ASCII bytes at a time (no high bit, none below 0x20): nothing to check or count.
            if index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                if word & high == 0, (word &- 0x2020_2020_2020_2020) & ~word & high == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A {
                    newlines += 1
                } else if byte < 0x20, byte != 0x09, byte != 0x0D {
                    return nil
                }
                index += 1
                continue
            }
            // Strict UTF-8: no overlong forms, surrogates or values past U+10FFFF; U+FFFE and U+FFFF are dropped by libxml2.
            func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                index + offset < count && bytes[index + offset] >= low && bytes[index + offset] <= high
            }
            switch byte {
            case 0xC2...0xDF:
                guard continuation(1) else { return nil }
                index += 2
            case 0xE0...0xEF:
                let low: UInt8 = byte == 0xE0 ? 0xA0 : 0x80
                let high: UInt8 = byte == 0xED ? 0x9F : 0xBF
                guard continuation(1, low, high), continuation(2) else { return nil }
                if byte == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return nil }
                index += 3
            case 0xF0...0xF4:
                let low: UInt8 = byte == 0xF0 ? 0x90 : 0x80
                let high: UInt8 = byte == 0xF4 ? 0x8F : 0xBF
                guard continuation(1, low, high), continuation(2), continuation(3) else { return nil }
                index += 4
            default:
                return nil
            }
        }
        return newlines
    }

    /// The index of the `>` that ends a start tag whose name ends at `from`: quotes count only as attribute
    /// values (right after `=`), as libxml2 reads them.
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        var afterEquals = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3E { return index }
            if (byte == 0x22 || byte == 0x27) && afterEquals {
                guard let closing = next(byte, in: bytes, from: index + 1) else { return nil }
                index = closing + 1
                afterEquals = false
                continue
            }
            if byte == 0x3D {
                afterEquals = true
            } else if !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C) {
                afterEquals = false
            }
            index += 1
        }
        return nil
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }

    private static func next(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + from, Int32(byte), bytes.count - from)
        else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    private static func matches(_ text: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for offset in 0..<length where bytes[index + offset] != text.utf8Start[offset] { return false }
        return true
    }

    private static func equalsCaseless(_ text: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        end - start == text.utf8CodeUnitCount && matchesCaseless(text, in: bytes, at: start)
    }

    /// Lower-case `text` against the bytes, ignoring ASCII case.
    private static func matchesCaseless(_ text: StaticString, in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        for offset in 0..<length {
            let byte = bytes[index + offset]
            let wanted = text.utf8Start[offset]
            if byte != wanted && (byte | 0x20) != wanted { return false }
        }
        return true
    }

    private static func find(_ text: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while let candidate = next(text.utf8Start[0], in: bytes, from: index) {
            if matches(text, in: bytes, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// The first caseless occurrence of lower-case `text` whose first byte is not a letter (`<`, `@`).
    private static func findCaseless(_ text: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let first = text.utf8Start[0]
        if !isLetter(first) {
            var index = from
            while let candidate = next(first, in: bytes, from: index) {
                if matchesCaseless(text, in: bytes, at: candidate) { return candidate }
                index = candidate + 1
            }
            return nil
        }
        var index = from
        while index < bytes.count {
            if matchesCaseless(text, in: bytes, at: index) { return index }
            index += 1
        }
        return nil
    }
}
