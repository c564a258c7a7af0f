import CLibXML2

/// HTML character references left in text that no HTML parser decoded: a JSON-LD block is JSON, and many shops
/// write their product names into it HTML-escaped (`Cama Elo&iacute;sa`, `Olio &amp; Aceto`), which customers read
/// decoded on the page.
enum HTMLEntities {
    /// The text with its character references (`&iacute;`, `&#237;`, `&#xED;`) decoded; HTML 4's named entities
    /// (libxml2's table); an unknown name or a malformed reference is left as written.
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";"), let scalar = scalar(after[..<semicolon]) else {
                result.append("&")
                rest = after
                continue
            }
            result.unicodeScalars.append(scalar)
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }

    /// The character a reference's name (`iacute`, `#237`, `#xED`) stands for.
    private static func scalar(_ name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init) }
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            let entity = htmlEntityLookup(String(name)) else { return nil }
        return Unicode.Scalar(entity.pointee.value)
    }
}
