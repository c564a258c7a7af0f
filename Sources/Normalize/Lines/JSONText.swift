/// Writes JSON strings as UTF-8 bytes: quoted, with `"`, `\` and control characters escaped.
enum JSONText {
    /// Appends `value` as a JSON string literal.
    static func appendQuoted(_ value: String, to output: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendQuoted($0, to: &output) }
    }

    /// Appends UTF-8 `bytes` as a JSON string literal.
    static func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var clean = bytes.startIndex
        for index in bytes.indices {
            let byte = bytes[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<index]))
            clean = index + 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output.append(UInt8(ascii: "\\"))
                output.append(byte)
            default:
                let hex = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)],
                                           hex[Int(byte & 0xF)]])
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        output.append(UInt8(ascii: "\""))
    }
}
