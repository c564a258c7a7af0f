import Foundation

extension Crawler {
    /// Acts on a finished attempt: follow a redirect, schedule a retry, or complete the request.
    func handle(_ outcome: Outcome, job: CrawlJob, body: Data, deliver: (CrawlResult) -> [CrawlRequest]) {
        let now = Self.now()
        let key = HostKey.of(job.url)
        switch outcome {
        case .redirect(let target):
            stats.redirects += 1
            let chain = job.chain + [job.url]
            if let reason = settings.targets.refusal(of: target) {
                complete(job, error: .refused(job.location, reason: "redirect to \(target): \(reason)"), deliver: deliver)
            } else if chain.contains(where: { Self.sameURL($0, target) }) {
                complete(job, error: .redirectLoop(job.location, chain: chain + [target]), deliver: deliver)
            } else if chain.count > settings.maxRedirects {
                complete(job, error: .tooManyRedirects(job.location, limit: settings.maxRedirects), deliver: deliver)
            } else {
                var next = job
                next.url = target
                next.chain = chain
                next.attempts = 0
                next.notBefore = 0
                enqueue(next)
            }
        case .retryable(let error, let retryAfter, let slowDown):
            guard job.attempts <= settings.retries else { complete(job, error: error, deliver: deliver); return }
            stats.retries += 1
            let backoff = settings.retryBase * pow(2, Double(job.attempts - 1)) * jitter()
            let delay = min(settings.maxRetryAfter, retryAfter ?? backoff)
            var next = job
            next.notBefore = now + delay
            if slowDown, let host = hosts[key] {  // adaptive backoff: the whole host slows down
                hosts[key]?.nextStart = max(host.nextStart, now + delay)
                hosts[key]?.interval = min(max(host.interval * 2, 0.25), 10)
            }
            enqueue(next, front: true)
        case .failed(let error):
            complete(job, error: error, deliver: deliver)
        case .notModified:
            guard let cached = cache?.body(for: job.url) else {
                complete(job, error: .network(job.location, detail: "304 Not Modified without a cached copy"), deliver: deliver)
                return
            }
            relax(key)
            complete(job, status: 304, body: cached, notModified: true, deliver: deliver)
        case .success(let status, let headers):
            relax(key)
            if job.request.purpose != .robots, status == 200 {
                cache?.store(url: job.url, etag: headers["etag"], lastModified: headers["last-modified"], body: body)
            }
            complete(job, status: status, body: body, contentType: headers["content-type"], deliver: deliver)
        }
    }

    /// After a success the host's interval slides back towards its base.
    private func relax(_ key: String) {
        guard let interval = hosts[key]?.interval, let base = hosts[key]?.baseInterval, interval > base else { return }
        hosts[key]?.interval = max(base, interval * 0.8)
    }

    /// Ends a request: counts it, hands the result to the caller, enqueues what the caller asks for.
    func complete(_ job: CrawlJob, status: Int = 0, body: Data, error: FetchError? = nil, notModified: Bool = false,
                  contentType: String? = nil, deliver: (CrawlResult) -> [CrawlRequest]) {
        if job.isRobots { robotsDone(job, status: status, body: body, error: error); return }
        if let error {
            if case .robotsDisallowed = error { stats.robotsBlocked += 1 } else { stats.failed[error.kind, default: 0] += 1 }
        } else if notModified {
            stats.notModified += 1
        } else {
            stats.fetched += 1
            stats.bytes += body.count
        }
        let result = CrawlResult(request: job.request, finalURL: job.url, redirects: job.chain, status: status,
                                 body: error == nil ? body : Data(), notModified: notModified, attempts: job.attempts,
                                 error: error, contentType: contentType)
        for request in deliver(result) {
            let next = CrawlJob(request: request, url: request.url)
            if admit(next) { enqueue(next) } else { refuse(next, deliver: deliver) }
        }
    }
    
    func complete(_ job: CrawlJob, error: FetchError, deliver: (CrawlResult) -> [CrawlRequest]) {
        complete(job, status: 0, body: Data(), error: error, deliver: deliver)
    }

    private func robotsDone(_ job: CrawlJob, status: Int, body: Data, error: FetchError?) {
        let key = HostKey.of(job.request.location)
        stats.robotsFetched += 1
        guard var host = hosts[key] else { return }
        if let error {
            if case .http(_, let code, _) = error, (400..<500).contains(code) {
                host.robots = .ready(RobotsRules(rules: [], crawlDelay: nil, sitemaps: []))
            } else {
                host.robots = .unavailable(error)
            }
        } else {
            let rules = RobotsRules.parse(String(decoding: body, as: UTF8.self), token: settings.robotsToken)
            host.robots = .ready(rules)
            if let delay = rules.crawlDelay {
                host.baseInterval = max(host.baseInterval, min(delay, settings.maxCrawlDelay))
                host.interval = max(host.interval, host.baseInterval)
            }
        }
        hosts[key] = host
    }

    /// True when two URLs are the same once fragments are dropped.
    static func sameURL(_ a: String, _ b: String) -> Bool {
        func strip(_ url: String) -> String { url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url }
        return strip(a) == strip(b)
    }
}
