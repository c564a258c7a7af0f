import Foundation

/// An exact decimal amount as read from text (`mantissa × 10^-scale`), convertible to `Decimal` and formatted
/// like `Money.amountString` without going through Foundation's slower paths.
public struct ExactAmount: Sendable, Hashable {
    /// All digits as one integer (the 19 lowest when `high` is not 0).
    public var mantissa: UInt64
    /// The digits above the 19 lowest, for amounts of 20 to 38 digits (serialised floats); usually 0.
    public var high: UInt64
    /// The number of fraction digits.
    public var scale: Int

    /// Creates an amount `mantissa × 10^-scale`.
    public init(mantissa: UInt64, scale: Int) {
        self.init(mantissa: mantissa, high: 0, scale: scale)
    }

    /// Creates an amount `(high × 10^19 + mantissa) × 10^-scale`.
    public init(mantissa: UInt64, high: UInt64, scale: Int) {
        self.mantissa = mantissa
        self.high = high
        self.scale = scale
    }

    /// The amount as a `Decimal`.
    public var decimal: Decimal {
        guard high > 0 else { return Decimal(sign: .plus, exponent: -scale, significand: Decimal(mantissa)) }
        let whole = Decimal(high) * Decimal(sign: .plus, exponent: 19, significand: 1) + Decimal(mantissa)
        return Decimal(sign: .plus, exponent: -scale, significand: whole)
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

    /// Room enough for `text`: 38 digits, a point, two decimals and the zeros the scale adds.
    var textCapacity: Int { 44 + abs(scale) }

    /// Writes `text` at `output`, which has room for `textCapacity` bytes, and returns the number of bytes written.
    func write(to output: UnsafeMutablePointer<UInt8>) -> Int {
        var digits: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)  // 40 bytes, least significant first
        return withUnsafeMutableBytes(of: &digits) { digits in
            var count = 0
            var value = mantissa
            repeat {
                digits[count] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                value /= 10
                count += 1
            } while value > 0 && count < 19 || (high == 0 && value > 0)
            if high > 0 {
                while count < 19 {
                    digits[count] = 0x30
                    count += 1
                }
                value = high
                repeat {
                    digits[count] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                    value /= 10
                    count += 1
                } while value > 0
            }
            // Trailing zeros beyond two fraction digits are dropped.
            var first = 0
            var scale = self.scale
            while scale > 2, first == count || digits[first] == 0x30 {
                if first < count { first += 1 }
                scale -= 1
            }
            count -= first
            var written = 0
            func put(_ byte: UInt8) {
                output[written] = byte
                written += 1
            }
            func digit(_ index: Int) -> UInt8 { digits[first + index] }
            if count <= scale {
                put(0x30)
            } else {
                for index in stride(from: count - 1, through: max(scale, 0), by: -1) { put(digit(index)) }
                if scale < 0 { for _ in 0..<(-scale) { put(0x30) } }  // mantissa × 10^n
            }
            put(0x2E)
            if scale > count { for _ in 0..<(scale - count) { put(0x30) } }
            for index in stride(from: min(scale, count) - 1, through: 0, by: -1) { put(digit(index)) }
            if scale < 2 { for _ in 0..<(2 - max(scale, 0)) { put(0x30) } }
            return written
        }
    }
}
