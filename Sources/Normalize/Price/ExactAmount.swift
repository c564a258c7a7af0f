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
        var mantissa = self.mantissa
        var scale = self.scale
        while scale > 2, mantissa % 10 == 0 {
            mantissa /= 10
            scale -= 1
        }
        var digits = String(mantissa)
        if scale < 2 {
            digits += String(repeating: "0", count: 2 - scale)
            scale = 2
        }
        if digits.utf8.count <= scale {
            digits = String(repeating: "0", count: scale - digits.utf8.count + 1) + digits
        }
        let split = digits.utf8.count - scale
        let integer = digits.prefix(split)
        return String(integer) + "." + digits.suffix(scale)
    }
}
