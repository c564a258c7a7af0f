import AuditModel
import Foundation

/// The price form almost every Merchant item uses, `15.00 USD` (digits, at most two after a `.`, a space, a
/// three-letter code), read without the general price parser. The amount is built exactly as the parser builds it
/// (`mantissa × 10^-scale`: with one `.` before one or two digits, or none, no reading of the number is ambiguous);
/// whether the parser knows the code as that currency is checked with the parser the first time each code is seen
/// (`MerchantPrice.Codes`), so the result is always the parser's.
enum MerchantPrice {
    /// The amount and code of the text in `bytes` when it has this form.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (amount: Decimal, code: UInt32)? {
        let found: (mantissa: UInt64, scale: Int, code: UInt32)? = {
            let count = bytes.count
            guard count >= 5, count <= 24, bytes[count - 4] == 0x20 else { return nil }
            var code: UInt32 = 0
            for index in (count - 3)..<count {
                let byte = bytes[index]
                guard byte >= 0x41 && byte <= 0x5A else { return nil }
                code = code << 8 | UInt32(byte)
            }
            var mantissa: UInt64 = 0
            var digits = 0
            var dot: Int? = nil
            for index in 0..<(count - 4) {
                let byte = bytes[index]
                if byte >= 0x30 && byte <= 0x39 {
                    mantissa = mantissa * 10 + UInt64(byte - 0x30)
                    digits += 1
                } else if byte == 0x2E, dot == nil, index > 0 {
                    dot = index
                } else {
                    return nil
                }
            }
            let scale = dot.map { count - 5 - $0 } ?? 0
            guard digits <= 15, scale <= 2, dot == nil || scale >= 1 else { return nil }
            return (mantissa, scale, code)
        }()
        guard let found else { return nil }
        return (Decimal(sign: .plus, exponent: -found.scale, significand: Decimal(found.mantissa)), found.code)
    }

    /// The codes seen by one thread, and whether the price parser reads each as that currency.
    struct Codes {
        private var known: [(code: UInt32, currency: String?)] = []

        /// The money of the text in `bytes` when it has the Merchant form and its code is one the parser agrees on; `parse` is
        /// the parser, asked the first time a code is seen. Nil: read it with the parser.
        mutating func money(_ bytes: UnsafeBufferPointer<UInt8>, parse: (String) -> Money?) -> Money? {
            guard let (amount, code) = MerchantPrice.read(bytes) else { return nil }
            for entry in known where entry.code == code {
                guard let currency = entry.currency else { return nil }
                return Money(amount: amount, currency: currency)
            }
            let currency = String(decoding: [UInt8(code >> 16 & 0xFF), UInt8(code >> 8 & 0xFF), UInt8(code & 0xFF)], as: UTF8.self)
            let parsed = parse(String(decoding: bytes, as: UTF8.self))
            let agrees = parsed.map { $0.currency == currency && $0.amount == amount } ?? false
            if known.count < 32 { known.append((code, agrees ? currency : nil)) }
            return agrees ? Money(amount: amount, currency: currency) : nil
        }
    }
}
