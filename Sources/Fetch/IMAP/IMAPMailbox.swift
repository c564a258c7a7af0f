import CCurl
import Foundation

/// Reads the messages of one IMAP folder through libcurl without changing anything on the server: the folder is
/// opened with `EXAMINE` (read-only), messages are found with `UID SEARCH` and fetched with `UID FETCH …
/// BODY.PEEK[]`, so no message is marked as read. All commands go over one connection.
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
        _ = try command("EXAMINE \(Self.quoted(settings.folder))")
        let found = try command("UID SEARCH \(settings.search)")
        var uids: [Int] = []
        for line in String(decoding: found, as: UTF8.self).split(whereSeparator: \.isNewline) where line.hasPrefix("* SEARCH") {
            uids += line.dropFirst(8).split(separator: " ").compactMap { Int($0) }
        }
        uids = Array(uids.sorted().suffix(settings.maxMessages))
        var messages: [Message] = []
        for uid in uids {
            let response = try command("UID FETCH \(uid) BODY.PEEK[]")
            messages.append(Message(uid: uid, bytes: Self.literal(response) ?? []))
        }
        return messages
    }

    /// The body of the first `{n}` literal of a FETCH response.
    static func literal(_ response: [UInt8]) -> [UInt8]? {
        guard let open = response.firstIndex(of: 0x7B), let close = response[open...].firstIndex(of: 0x7D),
            let count = Int(String(decoding: response[(open + 1)..<close], as: UTF8.self))
        else { return nil }
        var start = close + 1
        if start < response.count, response[start] == 0x0D { start += 1 }
        if start < response.count, response[start] == 0x0A { start += 1 }
        return Array(response[start..<min(response.count, start + count)])
    }

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Sends one command as a custom request on the server URL (no folder, so curl never SELECTs) and returns
    /// the untagged response.
    private func command(_ text: String) throws(FetchError) -> [UInt8] {
        let box = ResponseBox()
        let unmanaged = Unmanaged.passRetained(box)
        defer { unmanaged.release() }
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_URL, settings.serverURL)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_USERNAME, settings.user)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_PASSWORD, settings.password)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, text)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, 20)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_TIMEOUT, 120)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "imap,imaps")
        _ = omniaudit_easy_setopt_ptr(handle, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        _ = omniaudit_easy_setopt_callback(handle, CURLOPT_WRITEFUNCTION, { data, size, count, context in
            guard let data, let context else { return 0 }
            let box = Unmanaged<ResponseBox>.fromOpaque(context).takeUnretainedValue()
            let total = size * count
            box.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: total).bindMemory(to: UInt8.self))
            return total
        })
        let result = curl_easy_perform(handle)
        guard result == CURLE_OK else {
            let reason = String(cString: curl_easy_strerror(result))
            let verb = text.split(separator: " ").prefix(2).joined(separator: " ")
            if result == CURLE_OPERATION_TIMEDOUT { throw FetchError.timeout(settings.redactedURL, detail: "IMAP \(verb)") }
            throw FetchError.network(settings.redactedURL, detail: "IMAP \(verb): \(reason)")
        }
        return box.bytes
    }

    private final class ResponseBox {
        var bytes: [UInt8] = []
    }
}
