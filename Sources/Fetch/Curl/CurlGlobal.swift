import CCurl

/// libcurl's process-wide initialisation, done exactly once (Swift's `static let` is lazy and thread-safe).
enum CurlGlobal {
    /// True when `curl_global_init` succeeded.
    static let ready: Bool = curl_global_init(3 /* CURL_GLOBAL_ALL */) == CURLE_OK

    /// The libcurl version string, e.g. `libcurl/7.88.1 OpenSSL/3.0.11 zlib/1.2.13 nghttp2/1.52.0`.
    static var version: String { String(cString: curl_version()) }
}
