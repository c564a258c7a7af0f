// Differential libFuzzer target for RawTextBodies: a page parsed with its script/style bodies and long attribute
// values taken out and put back must give exactly the tree libxml2 builds from the page as it is (node for node:
// names, text, attributes, line numbers), whatever the bytes. Built by scripts/fuzz.sh with the Extract sources.
import CLibXML2
import Foundation

private let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
    | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)

@_cdecl("LLVMFuzzerTestOneInput")
public func rawTextFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    // Forced UTF-8 (the fast path's common case) and the page's own declaration.
    for encoding in ["UTF-8", nil] as [String?] {
        guard let plain = bytes.withUnsafeBytes({ raw -> xmlDocPtr? in
            guard let base = raw.baseAddress else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(raw.count), "page.html", encoding, options)
        }) else { continue }
        let expected = TreeDump.lines(plain)
        xmlFreeDoc(plain)
        MarkupArena.session {
            guard let fast = RawTextBodies(bytes, encoding: encoding)?.parse(url: "page.html", options: options) else { return }
            if TreeDump.lines(fast) != expected { fatalError("the restored tree differs from libxml2's own") }
        }
    }
    return 0
}
