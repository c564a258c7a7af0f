/// Strict UTF-8 (no overlong forms, surrogates or values past U+10FFFF), one multi-byte sequence at a time.
enum StrictUTF8 {
    /// The length of the well-formed sequence that begins with the non-ASCII byte at `index`, or nil.
    @inline(__always)
    static func sequenceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Bytes.Index) -> Int? {
        let count = bytes.distance(from: index, to: bytes.endIndex)
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            guard offset < count else { return false }
            let byte = bytes[bytes.index(index, offsetBy: offset)]
            return byte >= low && byte <= high
        }
        let byte = bytes[index]
        switch byte {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0...0xEF:
            return continuation(1, byte == 0xE0 ? 0xA0 : 0x80, byte == 0xED ? 0x9F : 0xBF) && continuation(2) ? 3 : nil
        case 0xF0...0xF4:
            return continuation(1, byte == 0xF0 ? 0x90 : 0x80, byte == 0xF4 ? 0x8F : 0xBF) && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// True when the bytes are well-formed UTF-8 (what `String(validating:as: UTF8.self) != nil` says), checked in
    /// place: eight ASCII bytes at a time, no string built.
    static func isValid(_ raw: UnsafeRawBufferPointer) -> Bool {
        let count = raw.count
        guard let base = raw.baseAddress else { return true }
        var index = 0
        while index < count {
            if index + 8 <= count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            if raw[index] < 0x80 { index += 1; continue }
            guard let length = sequenceLength(raw, at: index) else { return false }
            index += length
        }
        return true
    }
}
