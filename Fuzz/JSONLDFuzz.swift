// libFuzzer target for JSON-LD: the lenient and strict JSON parsers, exact numbers, and schema.org products.
// Built by scripts/fuzz.sh with the Extract, Normalize and AuditModel sources.
import AuditModel
import Foundation

private let products = SchemaOrgProducts(source: "p.html", channel: "web", syntax: .jsonLD, defaultCurrency: "EUR")

@_cdecl("LLVMFuzzerTestOneInput")
public func jsonLDFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let strict = try? JSONParser.parse(text, lenient: false)
    let lenient = try? JSONParser.parse(text, lenient: true)
    if let strict, strict != lenient { fatalError("strict and lenient readings differ") }
    if let values = try? JSONParser.parseAll(text, lenient: true) {
        var problems: [Problem] = []
        for (index, value) in values.enumerated() {
            _ = products.observations(prefix: "json-ld[\(index)]", value: value, problems: &problems)
        }
    }
    // Every number the grammar accepts reads exactly or is refused, never misread.
    if case .number(let written)? = strict, let plain = JSONNumber.plain(written) {
        if written.hasPrefix("-") != plain.hasPrefix("-") { fatalError("sign lost: \(written) → \(plain)") }
        if let a = Decimal(string: written, locale: Locale(identifier: "en_US_POSIX")),
            let b = Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX")), !a.isNaN, !b.isNaN, a != b,
            !written.contains("e"), !written.contains("E")
        {
            fatalError("\(written) read as \(plain)")
        }
    }
    return 0
}
