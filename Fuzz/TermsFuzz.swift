// libFuzzer target for the availability, shipping, returns, payment, promo and date parsers. Built by
// scripts/fuzz.sh together with the Normalize and AuditModel sources; not part of `swift build` or `swift test`.
import Foundation

private let dates = DateWindowParser(timeZone: TimeZone(identifier: "Europe/Rome") ?? .current,
                                     reference: Date(timeIntervalSince1970: 1_795_000_000))

@_cdecl("LLVMFuzzerTestOneInput")
public func termsFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let availability = AvailabilityParser.parse(text)
    if let count = availability.stockCount, count < 0 { fatalError("negative stock") }
    let shipping = ShippingParser(defaultCurrency: "EUR", locale: "it-IT").parse(text)
    if let low = shipping.minDays, let high = shipping.maxDays, low < 0 || high < 0 { fatalError("negative days") }
    _ = ReturnsParser.parse(text)
    let methods = PaymentParser.parse(text)
    if methods != methods.sorted() || Set(methods).count != methods.count { fatalError("payment set not canonical") }
    let promo = PromoParser(defaultCurrency: "EUR").parse(text)
    if let percent = promo.percentOff, percent <= 0 || percent > 100 { fatalError("percent out of range") }
    _ = dates.parse(text)
    return 0
}
