/// The JSON number grammar, one byte at a time.
extension JSONItemScanner {
    /// The next state of a number after `byte`, nil when the byte does not continue it. States: 0 after '-',
    /// 1 after a leading 0, 2 in the integer digits, 3 after '.', 4 in the fraction, 5 after 'e', 6 after its sign,
    /// 7 in the exponent.
    static func number(_ state: UInt8, _ byte: UInt8) -> UInt8? {
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

    static func numberCanEnd(_ state: UInt8) -> Bool { state == 1 || state == 2 || state == 4 || state == 7 }

    static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x2B || byte == 0x2D || byte | 0x20 == 0x65
    }

    static func numberMessage(_ state: UInt8) -> String {
        switch state {
        case 0: "malformed number: a digit is expected"
        case 3: "malformed number: a digit is expected after the decimal point"
        case 5, 6: "malformed number: a digit is expected in the exponent"
        default: "malformed number"
        }
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x66)
    }
}
