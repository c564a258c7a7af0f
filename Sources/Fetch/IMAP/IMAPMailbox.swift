import CCurl
import Foundation

/// Reads the messages of one IMAP folder through libcurl without changing anything on the server: the folder is
/// re-opened with `EXAMINE` (read-only) before every fetch, so the server never sets `\Seen` (RFC 3501 §6.3.2);
/// messages are found with `UID SEARCH`. All commands go over one connection, and a fetch that would need a new
/// connection (where curl would `SELECT` read-write) is refused. libcurl hands the literal of its own `UID FETCH`
/// to the caller, not that of a custom `BODY.PEEK[]` command, hence its own fetch on an examined folder.
public final class IMAPMailbox {
    /// One message: its UID and raw bytes.
    public struct Message: Sendable {
        public var uid: Int
        public var bytes: [UInt8]
    }

    private let settings: IMAPSettings
    // Confined to the caller's task: the handle is created, used and freed by this object only.
    private let handle: UnsafeMutableRawPointer

    /// Opens a curl handle for the server (nothing is sent yet).
    public init(settings: IMAPSettings) throws(FetchError) {
        guard CurlGlobal.ready, let handle = curl_easy_init() else {
            throw FetchError.network(settings.redactedURL, detail: "libcurl could not start")
        }
        self.settings = settings
        self.handle = handle
    }

    deinit { curl_easy_cleanup(handle) }

    /// Every message the search finds (at most `maxMessages`, the highest UIDs), in UID order.
    public func fetchAll() throws(FetchError) -> [Message] {
        var messages: [Message] = []
        try fetchEach { messages.append($0) }
        return messages
    }

    /// Hands each message the search finds (at most `maxMessages`, the highest UIDs) to `each` as soon as it is
    /// fetched, in UID order: one message is held at a time, and those fetched before a failure have been handed on.
    public func fetchEach(_ each: (Message) -> Void) throws(FetchError) {
        _ = try command("EXAMINE \(Self.quoted(settings.folder))")
        let found = try command("UID SEARCH \(settings.search)")
        var uids: [Int] = []
        for line in String(decoding: found, as: UTF8.self).split(whereSeparator: \.isNewline) where line.hasPrefix("* SEARCH") {
            uids += line.dropFirst(8).split(separator: " ").compactMap { Int($0) }
        }
        uids = Array(uids.sorted().suffix(settings.maxMessages))
        for uid in uids {
            _ = try command("EXAMINE \(Self.quoted(settings.folder))")
            each(Message(uid: uid, bytes: try command(nil, url: folderURL + ";UID=\(uid)", fetch: true)))
        }
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The folder's URL (`imap://host:port/INBOX`).
    private var folderURL: String {
        let trimmed = settings.url.hasSuffix("/") ? String(settings.url.dropLast()) : settings.url
        return trimmed.count > settings.serverURL.count - 1 ? trimmed : settings.serverURL + "INBOX"
    }

    /// Sends one custom command on the folder URL (curl SELECTs the folder first only when the connection has none
    /// selected, and the `EXAMINE` that follows makes it read-only) and returns the untagged response; or, with
    /// `fetch`, curl's own `UID FETCH` of `url`, returning the message.
    private func command(_ text: String?, url: String? = nil, fetch: Bool = false) throws(FetchError) -> [UInt8] {
        let box = ResponseBox()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_URL, url ?? folderURL)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_USERNAME, settings.user)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_PASSWORD, settings.password)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, text)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, 20)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_TIMEOUT, 120)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "imap,imaps")
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = settings.caFile { _ = omniaudit_easy_setopt_string(handle, CURLOPT_CAINFO, caFile) }
        _ = omniaudit_easy_setopt_ptr(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        _ = omniaudit_easy_setopt_callback(handle, CURLOPT_WRITEFUNCTION, { data, size, count, context in
            guard let data, let context else { return 0 }
            let box = Unmanaged<ResponseBox>.fromOpaque(context).takeUnretainedValue()
            let total = size * count
            box.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: total).bindMemory(to: UInt8.self))
            return total
        })
        let result = curl_easy_perform(handle)
        let verb = text.map { $0.split(separator: " ").prefix(2).joined(separator: " ") } ?? "UID FETCH"
        if fetch {
            var connects = 0
            _ = omniaudit_easy_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
            if connects > 0 {
                throw FetchError.network(settings.redactedURL, detail: "IMAP connection re-opened before a fetch: stopped, "
                                            + "so that no message is opened read-write")
            }
        }
        guard result == CURLE_OK else {
            let reason = String(cString: curl_easy_strerror(result))
            if result == CURLE_OPERATION_TIMEDOUT { throw FetchError.timeout(settings.redactedURL, detail: "IMAP \(verb)") }
            throw FetchError.network(settings.redactedURL, detail: "IMAP \(verb): \(reason)")
        }
        return box.bytes
    }

    private final class ResponseBox {
        var bytes: [UInt8] = []
    }
}
