// libFuzzer target for web page extraction (libxml2 HTML parse, JSON-LD, microdata, RDFa, OpenGraph, visible
// facts, merging). Built by scripts/fuzz.sh with the Extract, Normalize and AuditModel sources.
import AuditModel
import Foundation

private let extractors = [
    PageExtractor(channel: "web", defaultCurrency: "EUR", decimalSeparator: ",", locale: "it-IT"),
    PageExtractor(channel: "web", selectors: PageSelectors(price: "//*[contains(@class,'price')]", listPrice: "//del",
                                                           availability: "//*[@class='stock']")),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func pageFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    for extractor in extractors {
        let page = extractor.extract(bytes, source: "https://shop.example/p.html")
        if page.observations.count > PageExtractor.maxProductsPerPage + 1 { fatalError("product cap not applied") }
        for observation in page.observations where observation.channel != "web" { fatalError("wrong channel") }
        for problem in page.problems where problem.source != "https://shop.example/p.html" { fatalError("problem without its source") }
        if page.observations.isEmpty && page.problems.isEmpty { fatalError("a page without products must say so") }
    }
    return 0
}
