import Foundation

/// A request on its way through the scheduler: the current URL (after redirects), attempts and timing.
struct CrawlJob {
    /// The caller's request.
    var request: CrawlRequest
    /// The URL this hop fetches.
    var url: String
    /// URLs already visited through redirects.
    var chain: [String] = []
    /// Attempts made for `url`.
    var attempts = 0
    /// Not started before this monotonic time (retries, backoff).
    var notBefore = 0.0
    /// True for a host's robots.txt request.
    var isRobots: Bool { request.purpose == .robots }
    /// The location the caller knows, used in error messages.
    var location: String { request.location }
    /// True when the URL of this hop came from remote content: a listed or linked URL, or a redirect target.
    var remote: Bool { request.fromRemoteContent || !chain.isEmpty }
}

/// Per-host politeness state: what runs, when the next request may start, and the host's robots.txt.
struct HostState {
    enum Robots {
        case unknown, fetching, ready(RobotsRules), unavailable(FetchError)
    }

    /// Requests waiting for this host, in order.
    var queue: [CrawlJob] = []
    var head = 0
    /// Transfers running against the host.
    var active = 0
    /// Earliest monotonic time the next request may start.
    var nextStart = 0.0
    /// Current minimum interval between starts (raised by Crawl-delay and 429/503 backoff).
    var interval: Double
    /// The interval the host returns to after a backoff: the configured minimum or its Crawl-delay.
    var baseInterval: Double
    var robots = Robots.unknown

    init(interval: Double) {
        self.interval = interval
        baseInterval = interval
    }

    var waiting: Int { queue.count - head }

    /// True while the host's robots.txt is being fetched: only the robots.txt request may start.
    var robotsPending: Bool { if case .fetching = robots { true } else { false } }

    mutating func push(_ job: CrawlJob, front: Bool = false) {
        if front {
            if head > 0 { head -= 1; queue[head] = job } else { queue.insert(job, at: 0) }
        } else {
            queue.append(job)
        }
    }

    /// Removes and returns the first job that may start at `now` (robots.txt first while it is pending).
    mutating func pop(now: Double, robotsPending: Bool) -> CrawlJob? {
        guard head < queue.count else { return nil }
        var index = head
        while index < queue.count {
            let job = queue[index]
            if job.notBefore <= now && (!robotsPending || job.isRobots) {
                if index == head {
                    head += 1
                    if head > 1024 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
                } else {
                    queue.remove(at: index)
                }
                return job
            }
            index += 1
            if index - head > 64 { break }  // bounded scan: retries wait at the front only briefly
        }
        return nil
    }

    /// The earliest time any waiting job may start.
    func earliest() -> Double? {
        guard head < queue.count else { return nil }
        return queue[head..<min(queue.count, head + 64)].map(\.notBefore).min().map { max($0, nextStart) }
    }
}

/// The politeness key of a URL: scheme, host and port (`https://shop.example:443`), or `file` for local files.
enum HostKey {
    static func of(_ url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased() else { return "?" }
        if scheme == "file" { return "file" }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\((components.host ?? "").lowercased()):\(port)"
    }
}
