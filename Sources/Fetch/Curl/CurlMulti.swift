import CCurl

/// A libcurl multi handle: one event loop driving many transfers. Confined to the crawler's thread.
final class CurlMulti {
    private let handle: UnsafeMutableRawPointer

    init?(maxTotal: Int, maxPerHost: Int) {
        guard CurlGlobal.ready, let handle = curl_multi_init() else { return nil }
        self.handle = handle
        _ = omniaudit_multi_setopt_long(handle, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        _ = omniaudit_multi_setopt_long(handle, CURLMOPT_MAX_TOTAL_CONNECTIONS, maxTotal)
        _ = omniaudit_multi_setopt_long(handle, CURLMOPT_MAX_HOST_CONNECTIONS, maxPerHost)
        _ = omniaudit_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, max(maxTotal, 4))
    }

    deinit { curl_multi_cleanup(handle) }

    /// Starts a prepared transfer.
    func add(_ transfer: CurlTransfer) { _ = curl_multi_add_handle(handle, transfer.handle) }

    /// Detaches a finished transfer.
    func remove(_ transfer: CurlTransfer) { _ = curl_multi_remove_handle(handle, transfer.handle) }

    /// Drives every transfer as far as it can go without blocking.
    func perform() {
        var running: Int32 = 0
        _ = curl_multi_perform(handle, &running)
    }

    /// Waits for socket activity or the timeout, whichever comes first.
    func poll(milliseconds: Int) {
        var descriptors: Int32 = 0
        _ = curl_multi_poll(handle, nil, 0, Int32(max(0, milliseconds)), &descriptors)
    }

    /// The next finished transfer: its easy handle's context and its result.
    func nextDone() -> (context: UnsafeMutableRawPointer, code: CURLcode)? {
        var code = CURLE_OK
        guard let easy = omniaudit_multi_done(handle, &code) else { return nil }
        var context: UnsafeMutableRawPointer?
        guard omniaudit_easy_getinfo_ptr(easy, CURLINFO_PRIVATE, &context) == CURLE_OK, let context else { return nil }
        return (context, code)
    }
}
