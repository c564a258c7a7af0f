import Foundation

/// An exact decimal amount as read from text (`mantissa × 10^-scale`), convertible to `Decimal` and formatted
/// like `Money.amountString` without going through Foundation's slower paths.
public struct ExactAmount: Sendable, Hashable {
    /// All digits as one integer.
    public var mantissa: UInt64
    /// The number of fraction digits.
    public var scale: Int

    /// Creates an amount `mantissa × 10^-scale`.
    public init(mantissa: UInt64, scale: Int) {
        self.mantissa = mantissa
        self.scale = scale
    }

    /// The amount as a `Decimal`.
    public var decimal: Decimal {
        Decimal(sign: .plus, exponent: -scale, significand: Decimal(mantissa))
    }

    /// A plain string with a `.` and at least two fraction digits, trailing zeros beyond two dropped
    /// (`1299.00`, `0.125`), the same text `Money.format` gives for the same value.
    public var text: String {
        var bytes: [UInt8] = []
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as UTF-8 without intermediate strings.
    public func append(to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: textCapacity) { buffer in
            let count = write(to: buffer.baseAddress!)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// Room enough for `text`: 20 digits, a point, two decimals and the zeros the scale adds.
    var textCapacity: Int { 24 + abs(scale) }

    /// Writes `text` at `output`, which has room for `textCapacity` bytes, and returns the number of bytes written.
    func write(to output: UnsafeMutablePointer<UInt8>) -> Int {
        var mantissa = self.mantissa
        var scale = self.scale
        while scale > 2, mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits, least significant first
        return withUnsafeMutableBytes(of: &digits) { digits in
            var count = 0
            var value = mantissa
            repeat {
                digits[count] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                value /= 10
                count += 1
            } while value > 0
            var written = 0
            func put(_ byte: UInt8) {
                output[written] = byte
                written += 1
            }
            if count <= scale {
                put(0x30)
            } else {
                for index in stride(from: count - 1, through: max(scale, 0), by: -1) { put(digits[index]) }
                if scale < 0 { for _ in 0..<(-scale) { put(0x30) } }  // mantissa × 10^n
            }
            put(0x2E)
            if scale > count { for _ in 0..<(scale - count) { put(0x30) } }
            for index in stride(from: min(scale, count) - 1, through: 0, by: -1) { put(digits[index]) }
            if scale < 2 { for _ in 0..<(2 - max(scale, 0)) { put(0x30) } }
            return written
        }
    }
}
