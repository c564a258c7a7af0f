// libFuzzer target for sitemaps: the markup pre-scan, libxml2's XML parser without network or DTD, and the
// <loc> caps. Built by scripts/fuzz.sh with the Extract, Normalize and AuditModel sources.
import AuditModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func sitemapFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    do {
        let entries = try SitemapReader.read(bytes, source: "sitemap.xml")
        for loc in entries.pages + entries.sitemaps where loc.utf8.count > SitemapReader.maxLocLength || loc.isEmpty {
            fatalError("an entry over the cap or empty")
        }
        if entries.pages.count + entries.sitemaps.count > SitemapReader.maxEntries { fatalError("entry cap not applied") }
    } catch {
        if error.source != "sitemap.xml" { fatalError("error without its source") }
        if bytes.range(of: Data("<!DOCTYPE".utf8)) != nil { return 0 }
    }
    return 0
}
