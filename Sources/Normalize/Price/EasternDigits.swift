/// Arabic-Indic (U+0660–0669) and Extended Arabic-Indic / Persian (U+06F0–06F9) digits and the Arabic decimal
/// and thousands separators (U+066B `٫`, U+066C `٬`) rewritten as ASCII, byte by byte, so the price scanner
/// reads `٣٩٥ د.إ` as `395 د.إ` and `۱۲۰٬۰۰۰` as `120,000`. Everything else is copied unchanged.
enum EasternDigits {
    /// Writes the rewritten bytes into `output` (at least as long as `input`) and returns their count.
    static func transliterate(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var read = 0
        var written = 0
        while read < input.count {
            let byte = input[read]
            if read + 1 < input.count, byte == 0xD9 || byte == 0xDB {
                let next = input[read + 1]
                if byte == 0xD9, next >= 0xA0, next <= 0xA9 {  // ٠ … ٩
                    output[written] = 0x30 + (next - 0xA0)
                } else if byte == 0xDB, next >= 0xB0, next <= 0xB9 {  // ۰ … ۹
                    output[written] = 0x30 + (next - 0xB0)
                } else if byte == 0xD9, next == 0xAB {  // ٫ decimal separator
                    output[written] = 0x2E
                } else if byte == 0xD9, next == 0xAC {  // ٬ thousands separator
                    output[written] = 0x2C
                } else {
                    output[written] = byte
                    output[written + 1] = next
                    written += 2
                    read += 2
                    continue
                }
                written += 1
                read += 2
                continue
            }
            output[written] = byte
            written += 1
            read += 1
        }
        return written
    }
}
