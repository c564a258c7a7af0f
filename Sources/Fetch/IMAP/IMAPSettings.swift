/// Where and how to read an IMAP mailbox: the server URL with the folder (`imaps://mail.example.com/Promo`),
/// the credentials (taken from environment variables the config names, never written in it), and the search
/// criteria (`SINCE 01-Nov-2026 FROM "news@shop.example"`, default `ALL`).
public struct IMAPSettings: Sendable, Hashable {
    /// `imap://host[:port]/FOLDER` or `imaps://…` (TLS, certificates verified).
    public var url: String
    /// The user name.
    public var user: String
    /// The password (from the environment; redacted everywhere it could be shown).
    public var password: String
    /// IMAP SEARCH criteria.
    public var search: String
    /// The most messages read per audit (the newest are kept).
    public var maxMessages: Int
    /// A PEM file of the certificate authorities to trust for `imaps://` (a company's own CA), instead of the
    /// system's; certificates are verified either way.
    public var caFile: String? = nil

    /// Creates settings.
    public init(url: String, user: String, password: String, search: String = "ALL", maxMessages: Int = 2000) {
        self.url = url
        self.user = user
        self.password = password
        self.search = search
        self.maxMessages = maxMessages
    }

    /// The server URL and folder, as shown in reports: never the credentials.
    public var redactedURL: String { "\(serverURL)\(folder)" }

    /// `imap://host:port/` without the folder.
    var serverURL: String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let host = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? String(rest)
        let withoutUser = host.split(separator: "@").last.map(String.init) ?? host
        return String(url[..<scheme.upperBound]) + withoutUser + "/"
    }

    /// The folder (`INBOX` when the URL names none).
    var folder: String {
        guard let scheme = url.range(of: "://") else { return "INBOX" }
        let rest = url[scheme.upperBound...]
        let parts = rest.split(separator: "/", maxSplits: 1)
        let folder = parts.count > 1 ? String(parts[1]).removingPercentEncodingIfPossible : ""
        return folder.isEmpty ? "INBOX" : folder
    }
}

extension String {
    var removingPercentEncodingIfPossible: String {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == 0x25, let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
