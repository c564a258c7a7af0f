/// Decides which separator of a number, if any, is the decimal mark, and checks the digit grouping.
///
/// `1.299,00` and `1,299.00`: the last, differing mark is decimal. `1.299.000`: repeated marks group. `1.198,-`:
/// the dash ending names the decimal mark. A single mark before exactly three digits (`1.299`) is ambiguous and
/// is resolved by the currency when it has no minor units (`$24.990` in pesos groups, whatever the hint: three
/// decimals are no amount of pesos), then the explicit hint, then a three-minor-digit currency, then the locale, else
/// read as grouping (`0.299` always decimal). Spaces and apostrophes always group.
enum NumberResolver {
    /// Why a number was refused.
    enum Failure: Error, Sendable {
        case tooManyDigits, irregularGrouping
    }

    static func resolve(
        _ number: NumberToken, decimalHint: UInt8?, currency: String?, localeMark: UInt8?
    ) -> Result<ExactAmount, Failure> {
        if number.overflow { return .failure(.tooManyDigits) }
        if number.high > 0 {
            // More than 19 digits is a price only as a serialised float, read exactly as written
            // (`2.33999999999999985789`): one `.` and at most 15 digits before it.
            guard number.separatorCount == 1, number.kind(at: 0) == 0x2E, number.dashMark == 0,
                number.groupLength(before: 0) <= 15 else { return .failure(.tooManyDigits) }
            return .success(ExactAmount(mantissa: number.mantissa, high: number.high, scale: number.lastLength))
        }
        let count = number.separatorCount
        guard count > 0 else { return .success(ExactAmount(mantissa: number.mantissa, scale: 0)) }
        let last = number.kind(at: count - 1)
        var decimalIndex: Int? = nil
        if number.dashMark == 0, last == 0x2E || last == 0x2C {
            var same = 0
            for index in 0..<count where number.kind(at: index) == last { same += 1 }
            if same > 1 {
                decimalIndex = nil
            } else if count > 1 || number.lastLength != 3 || number.leadingZeroGroup {
                decimalIndex = count - 1
            } else if isDecimal(mark: last, decimalHint: decimalHint, currency: currency, localeMark: localeMark) {
                decimalIndex = count - 1
            }
        }
        guard groupingIsRegular(number, decimalIndex: decimalIndex) else { return .failure(.irregularGrouping) }
        return .success(ExactAmount(mantissa: number.mantissa, scale: decimalIndex == nil ? 0 : number.lastLength))
    }

    /// The ambiguous single mark before three digits.
    private static func isDecimal(mark: UInt8, decimalHint: UInt8?, currency: String?, localeMark: UInt8?) -> Bool {
        if let currency, CurrencyTable.noMinorDigits.contains(currency) { return false }
        if let decimalHint { return decimalHint == mark }
        if let currency, CurrencyTable.threeMinorDigits.contains(currency) { return mark == 0x2E }
        if let localeMark { return localeMark == mark }
        return false
    }

    /// Grouping separators precede groups of three digits (two are allowed inside Indian lakh grouping,
    /// `1,49,999`), the first group has one to three digits, and grouping marks are all of one kind.
    private static func groupingIsRegular(_ number: NumberToken, decimalIndex: Int?) -> Bool {
        let groupingCount = decimalIndex ?? number.separatorCount
        guard groupingCount > 0 else { return true }
        let first = number.groupLength(before: 0)
        guard first >= 1 && first <= 3, number.separatorCount <= NumberToken.maxSeparators else { return false }
        let kind = number.kind(at: 0)
        for index in 0..<groupingCount {
            guard number.kind(at: index) == kind else { return false }
            let length = number.groupLength(after: index)
            let isLastGroup = index == groupingCount - 1
            guard length == 3 || (length == 2 && !isLastGroup) else { return false }
        }
        if let decimalIndex, decimalIndex > 0, number.kind(at: decimalIndex) == kind { return false }
        return true
    }
}
