import CCurl
import Foundation

/// What one finished attempt means for the scheduler.
enum Outcome {
    case success(status: Int, headers: [String: String])
    case notModified
    case redirect(String)
    /// A transient failure: retry after `retryAfter` (or the backoff); `slowDown` backs off the whole host.
    case retryable(FetchError, retryAfter: Double?, slowDown: Bool)
    case failed(FetchError)

    init(transfer: CurlTransfer, code: CURLcode, job: CrawlJob, settings: FetchSettings) {
        let url = job.location
        if code != CURLE_OK {
            if let reason = transfer.abortReason { self = .failed(reason); return }
            let detail = settings.redact(transfer.message(for: code))
            switch code {
            case CURLE_FILESIZE_EXCEEDED:
                let limit = job.request.purpose == .sitemap ? settings.maxSitemapBytes : settings.maxBodyBytes
                self = .failed(.tooLarge(url, limit: limit))
            case CURLE_OPERATION_TIMEDOUT: self = .retryable(.timeout(url, detail: detail), retryAfter: nil, slowDown: false)
            case CURLE_FILE_COULDNT_READ_FILE: self = .failed(.notFound(url))
            case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT: self = .failed(.unsupportedScheme(url))
            case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_COULDNT_CONNECT,
                CURLE_HTTP2, CURLE_HTTP2_STREAM:
                self = .retryable(.network(url, detail: detail), retryAfter: nil, slowDown: false)
            default: self = .failed(.network(url, detail: detail))
            }
            return
        }
        let status = transfer.status
        let headers = transfer.headers
        switch status {
        case 0 where job.url.hasPrefix("file:"), 200..<300: self = .success(status: status, headers: headers)
        case 304: self = .notModified
        case 301, 302, 303, 307, 308:
            if let target = transfer.redirectURL { self = .redirect(target) } else {
                self = .failed(.http(url, status: status, attempts: job.attempts))
            }
        case 429, 503:
            self = .retryable(.http(url, status: status, attempts: job.attempts),
                              retryAfter: RetryAfter.seconds(headers["retry-after"]), slowDown: true)
        case 500, 502, 504, 520..<530:
            self = .retryable(.http(url, status: status, attempts: job.attempts), retryAfter: nil, slowDown: false)
        default: self = .failed(.http(url, status: status, attempts: job.attempts))
        }
    }
}
