import CCurl
import Foundation

/// Fetches many URLs on one libcurl multi event loop (no thread per request), politely: global and per-host
/// concurrency, a minimum interval per host, robots.txt, adaptive backoff on 429/503, bounded jittered retries,
/// redirects with loop detection, conditional GET through an on-disk cache.
///
/// `run` blocks the calling thread until every request (and every request the callback adds) has ended.
/// Use one crawler per crawl, on one thread.
public final class Crawler {
    /// The settings in force.
    public let settings: FetchSettings
    /// The cache for conditional GET, or nil.
    public let cache: ResponseCache?
    /// What the crawl did so far.
    public internal(set) var stats = CrawlStats()
    /// When set, the crawl stops and ends every remaining request as interrupted.
    public var cancellation: CrawlCancellation?
    /// A wall-clock budget for everything this crawler fetches, in seconds from its creation; when it runs out,
    /// every remaining request ends as `FetchError.outOfTime`.
    public var budget: Double? {
        didSet { deadline = budget.map { Self.now() + $0 } }
    }
    var deadline: Double?

    var hosts: [String: HostState] = [:]
    var hostOrder: [String] = []
    var active = 0
    var idle: [CurlTransfer] = []
    var running: [ObjectIdentifier: CurlTransfer] = [:]
    var random = SystemRandomNumberGenerator()
    /// Origins of the requests the caller named itself (not from remote content): they receive the secrets.
    var trustedOrigins: Set<String> = []

    /// Creates a crawler.
    public init(settings: FetchSettings, cache: ResponseCache? = nil) {
        self.settings = settings
        self.cache = cache
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Fetches the requests; `deliver` gets every result (on this thread) and may return more requests.
    /// `progress` is called at most every `progressInterval` seconds.
    public func run(_ requests: [CrawlRequest], progressInterval: Double = 0.5,
                    progress: ((CrawlStats) -> Void)? = nil,
                    deliver: (CrawlResult) -> [CrawlRequest]) {
        guard !requests.isEmpty else { return }
        var refused: [CrawlJob] = []
        for request in requests {
            let job = CrawlJob(request: request, url: request.url)
            if admit(job) { enqueue(job) } else { refused.append(job) }
        }
        for job in refused { refuse(job, deliver: deliver) }
        guard let multi = CurlMulti(maxTotal: settings.concurrency, maxPerHost: settings.perHost) else {
            failAll("libcurl could not be initialised", deliver: deliver)
            return
        }
        var lastProgress = 0.0
        while active > 0 || hosts.values.contains(where: { $0.waiting > 0 }) {
            if cancellation?.isCancelled == true {
                interruptAll(multi: multi, deliver: deliver) { .interrupted($0) }
                break
            }
            if let deadline, let budget, Self.now() >= deadline {
                interruptAll(multi: multi, deliver: deliver) { .outOfTime($0, budget: budget) }
                break
            }
            let now = Self.now()
            startReady(now: now, multi: multi, deliver: deliver)
            multi.perform()
            while let (context, code) = multi.nextDone() {
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
                multi.remove(transfer)
                finished(transfer, code: code, deliver: deliver)
            }
            if let progress, Self.now() - lastProgress >= progressInterval {
                lastProgress = Self.now()
                progress(currentStats())
            }
            multi.poll(milliseconds: waitMilliseconds(now: Self.now()))
        }
        progress?(currentStats())
    }

    func currentStats() -> CrawlStats {
        var current = stats
        current.pending = active + hosts.values.reduce(0) { $0 + $1.waiting }
        return current
    }

    func enqueue(_ job: CrawlJob, front: Bool = false) {
        let key = HostKey.of(job.url)
        if hosts[key] == nil {
            hosts[key] = HostState(interval: key == "file" ? 0 : settings.minInterval)
            hostOrder.append(key)
        }
        hosts[key]?.push(job, front: front)
        if settings.obeyRobots, key.hasPrefix("http"), !job.isRobots, case .unknown = hosts[key]?.robots {
            hosts[key]?.robots = .fetching
            let robotsURL = URLComponents(string: job.url).flatMap(RobotsRules.robotsURL(for:)) ?? key + "/robots.txt"
            // A host first reached through remote content gets its robots.txt checked like its pages
            // (deny-private-addresses applies at connect time).
            let robots = CrawlRequest(location: robotsURL, purpose: .robots, fromRemoteContent: job.remote)
            hosts[key]?.push(CrawlJob(request: robots, url: robotsURL), front: true)
        }
    }

    func startReady(now: Double, multi: CurlMulti, deliver: (CrawlResult) -> [CrawlRequest]) {
        var progressed = true
        while progressed && active < settings.concurrency {
            progressed = false
            for key in hostOrder where active < settings.concurrency {
                // Mutated in place (`default:` subscript) so the host's queue is never copied.
                let limit = key == "file" ? settings.concurrency : settings.perHost
                let picked: (job: CrawlJob, blocked: FetchError?)? = {
                    (host: inout HostState) in
                    guard host.waiting > 0, host.nextStart <= now, host.active < limit else { return nil }
                    let pending = host.robotsPending
                    guard let job = host.pop(now: now, robotsPending: pending) else { return nil }
                    if !job.isRobots, let blocked = robotsVerdict(job, host: host) { return (job, blocked) }
                    host.active += 1
                    host.nextStart = now + host.interval
                    return (job, nil)
                }(&hosts[key, default: HostState(interval: settings.minInterval)])
                guard let picked else { continue }
                progressed = true
                if let blocked = picked.blocked {
                    complete(picked.job, status: 0, body: Data(), error: blocked, deliver: deliver)
                } else {
                    start(picked.job, multi: multi, deliver: deliver)
                }
            }
        }
    }

    func robotsVerdict(_ job: CrawlJob, host: HostState) -> FetchError? {
        switch host.robots {
        case .ready(let rules):
            guard let components = URLComponents(string: job.url) else { return nil }
            let path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
                + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
            let verdict = rules.verdict(path: path)
            return verdict.allowed ? nil : .robotsDisallowed(job.location, rule: verdict.rule ?? "Disallow")
        case .unavailable(let error):
            // A host that cannot be reached at all fails each URL as that: the connection is the news, not robots.txt.
            switch error {
            case .network(_, let detail): return .network(job.location, detail: detail)
            case .timeout(_, let detail): return .timeout(job.location, detail: detail)
            default: return .robotsUnavailable(job.location, reason: error.description)
            }
        case .unknown, .fetching: return nil
        }
    }

    func start(_ job: CrawlJob, multi: CurlMulti, deliver: (CrawlResult) -> [CrawlRequest]) {
        // libcurl reads file:// synchronously: a FIFO or device would block the whole event loop.
        if job.url.hasPrefix("file:"), let path = URL(string: job.url)?.path, let reason = LocalFile.refusal(path) {
            hosts[HostKey.of(job.url)]?.active -= 1
            complete(job, error: .unreadable(job.location, reason: reason), deliver: deliver)
            return
        }
        guard let transfer = idle.popLast() ?? CurlTransfer() else {
            hosts[HostKey.of(job.url)]?.active -= 1
            complete(job, error: .network(job.location, detail: "libcurl could not create a handle"), deliver: deliver)
            return
        }
        var job = job
        job.attempts += 1
        var lines: [String] = []
        if job.request.purpose != .robots, job.url.hasPrefix("http"), let entry = cache?.entry(for: job.url) {
            if let etag = entry.etag { lines.append("If-None-Match: \(etag)") }
            if let modified = entry.lastModified { lines.append("If-Modified-Since: \(modified)") }
        }
        transfer.prepare(job, settings: settings, extraHeaders: lines, sendSecrets: receivesSecrets(job.url))
        running[ObjectIdentifier(transfer)] = transfer
        active += 1
        multi.add(transfer)
    }

    func finished(_ transfer: CurlTransfer, code: CURLcode, deliver: (CrawlResult) -> [CrawlRequest]) {
        running[ObjectIdentifier(transfer)] = nil
        active -= 1
        guard let job = transfer.job else { return }
        hosts[HostKey.of(job.url)]?.active -= 1
        let outcome = Outcome(transfer: transfer, code: code, job: job, settings: settings)
        transfer.job = nil
        let body = transfer.takeBody()
        idle.append(transfer)
        handle(outcome, job: job, body: body, deliver: deliver)
    }

    /// How long the loop may sleep in `poll`: until the earliest start a free slot allows, at most 200 ms
    /// (socket activity wakes it sooner). Saturated hosts and a full global limit never cause a busy loop.
    func waitMilliseconds(now: Double) -> Int {
        guard active < settings.concurrency else { return 200 }
        let next = hosts.compactMap { key, host -> Double? in
            host.waiting > 0 && host.active < (key == "file" ? settings.concurrency : settings.perHost)
                && !host.robotsPending ? host.earliest() : nil
        }.min()
        guard let next else { return 200 }
        return Int(min(200, max(0, (next - now) * 1000).rounded(.up)))
    }

    func jitter() -> Double { Double.random(in: 0.5...1.5, using: &random) }
}
