import CCurl
import Foundation

/// One libcurl easy handle and the response it collects. Owned by the crawler's event loop and used only on
/// that thread; libcurl calls back into it through an unretained pointer while the handle is in the multi.
final class CurlTransfer {
    let handle: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// libcurl writes failure details here while the handle lives: allocated with the transfer, freed in
    /// `deinit` after `curl_easy_cleanup`, so the pointer libcurl keeps never outlives its memory.
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// The job being fetched.
    var job: CrawlJob?
    /// The body received so far (decompressed by libcurl).
    private(set) var body = Data()
    /// Response headers of the last response, lower-cased names.
    private(set) var headers: [String: String] = [:]
    /// Why the write callback aborted the transfer, if it did.
    private(set) var abortReason: FetchError?
    private var limit = Int.max
    /// The file the body goes to (`CrawlRequest.bodyFile`), open for the current attempt, and the bytes written.
    private var file: UnsafeMutablePointer<FILE>?
    private var written = 0
    /// True while the current attempt must not connect to a private, loopback or link-local address.
    private var denyPrivate = false

    init?() {
        guard CurlGlobal.ready, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        if let file { fclose(file) }
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Resets the handle and sets it up for one attempt of a job.
    func prepare(_ job: CrawlJob, settings: FetchSettings, extraHeaders: [String], sendSecrets: Bool) {
        curl_easy_reset(handle)
        curl_slist_free_all(headerList)
        headerList = nil
        self.job = job
        body = Data()
        headers = [:]
        abortReason = nil
        if let file { fclose(file) }
        file = job.request.bodyFile.flatMap { fopen($0, "wb") }  // truncated: each attempt starts again
        written = 0
        limit = job.request.purpose == .sitemap ? settings.maxSitemapBytes : settings.maxBodyBytes
        let context = Unmanaged.passUnretained(self).toOpaque()
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_URL, job.url)
        _ = omniaudit_easy_setopt_ptr(handle, CURLOPT_PRIVATE, context)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)  // redirects go through the scheduler
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")  // every encoding libcurl decodes
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_USERAGENT, settings.userAgent)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(settings.connectTimeout * 1000))
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Int(settings.timeout * 1000))
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, settings.lowSpeedTime)
        _ = omniaudit_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, settings.lowSpeedLimit)
        _ = omniaudit_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limit))
        // file:// only for what the caller named itself (a config path or mirror file, never a redirect hop);
        // everything else, and every redirect libcurl might see, is http(s) only.
        let local = job.url.lowercased().hasPrefix("file:") && job.chain.isEmpty
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, local ? "file" : "http,https")
        _ = omniaudit_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        errorBuffer[0] = 0
        _ = omniaudit_easy_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer)
        denyPrivate = settings.targets.denyPrivateAddresses && job.remote
        if denyPrivate {
            _ = omniaudit_easy_setopt_prereq(handle) { context, address, _, _, _ in
                guard let context, let address else { return 1 }
                return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().connected(to: String(cString: address))
            }
            _ = omniaudit_easy_setopt_ptr(handle, CURLOPT_PREREQDATA, context)
        }
        var lines = extraHeaders
        if sendSecrets { lines = settings.headers.map { "\($0.name): \($0.value)" } + lines }
        for line in lines { headerList = curl_slist_append(headerList, line) }
        if let headerList { _ = omniaudit_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList) }
        if sendSecrets, let cookies = settings.cookies { _ = omniaudit_easy_setopt_string(handle, CURLOPT_COOKIE, cookies) }
        _ = omniaudit_easy_setopt_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                .received(UnsafeRawPointer(data), size * count)
        }
        _ = omniaudit_easy_setopt_ptr(handle, CURLOPT_WRITEDATA, context)
        _ = omniaudit_easy_setopt_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
            guard let data, let context else { return 0 }
            Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                .header(UnsafeRawPointer(data), size * count)
            return size * count
        }
        _ = omniaudit_easy_setopt_ptr(handle, CURLOPT_HEADERDATA, context)
    }

    /// Appends body bytes; returning less than `count` makes libcurl abort with a write error.
    private func received(_ data: UnsafeRawPointer, _ count: Int) -> Int {
        if let path = job?.request.bodyFile {
            guard written + count <= limit else { return refuse() }
            guard let file, fwrite(data, 1, count, file) == count else {
                abortReason = .unreadable(job?.location ?? "", reason: "the download could not be written to \(path): \(String(cString: strerror(errno)))")
                return 0
            }
            written += count
            return count
        }
        if body.count + count > limit { return refuse() }
        body.append(data.assumingMemoryBound(to: UInt8.self), count: count)
        return count
    }

    /// Stops a body over the size cap: libcurl aborts the transfer when the write callback returns 0.
    private func refuse() -> Int {
        let url = job?.location ?? ""
        abortReason = headers["content-encoding"].map { !$0.isEmpty && $0 != "identity" } == true
            ? .decompressedTooLarge(url, limit: limit) : .tooLarge(url, limit: limit)
        return 0
    }

    /// CURLOPT_PREREQFUNCTION: 0 lets the request go, 1 aborts it (the address is private and refused).
    private func connected(to address: String) -> Int32 {
        guard denyPrivate, TargetPolicy.isPrivate(address: address) else { return 0 }
        abortReason = .refused(job?.location ?? "", reason: "connected address \(address) is private, loopback or link-local (deny-private-addresses)")
        return 1
    }

    private func header(_ data: UnsafeRawPointer, _ count: Int) {
        let line = String(decoding: UnsafeRawBufferPointer(start: data, count: count), as: UTF8.self)
        if line.hasPrefix("HTTP/") { headers = [:]; return }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
        headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The HTTP status of the response (0 for `file://`).
    var status: Int {
        var code = 0
        _ = omniaudit_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// The absolute target of a redirect response, resolved by libcurl.
    var redirectURL: String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard omniaudit_easy_getinfo_string(handle, CURLINFO_REDIRECT_URL, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }

    /// libcurl's message for a failed transfer.
    func message(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// Hands the body over and forgets it.
    func takeBody() -> Data {
        if let file {  // the body went to its file: flushed and closed for the caller to read
            fclose(file)
            self.file = nil
        }
        defer { body = Data() }
        return body
    }
}
