import Foundation

extension Crawler {
    /// Aborts running transfers and ends every request not yet done with `error` (interrupted by a signal, or
    /// out of the channel's time budget); requests the caller adds meanwhile are dropped.
    func interruptAll(multi: CurlMulti, deliver: (CrawlResult) -> [CrawlRequest], error: (String) -> FetchError) {
        var jobs: [CrawlJob] = []
        for transfer in running.values {
            multi.remove(transfer)
            if let job = transfer.job { jobs.append(job) }
            transfer.job = nil
        }
        running = [:]
        active = 0
        for key in hostOrder {
            while let job = hosts[key]?.pop(now: .infinity, robotsPending: false) { jobs.append(job) }
        }
        for job in jobs where !job.isRobots {
            let failure = error(job.location)
            stats.failed[failure.kind, default: 0] += 1
            _ = deliver(CrawlResult(request: job.request, finalURL: job.url, redirects: job.chain, status: 0, body: Data(),
                                    notModified: false, attempts: job.attempts, error: failure))
        }
    }

    func failAll(_ reason: String, deliver: (CrawlResult) -> [CrawlRequest]) {
        for key in hostOrder {
            while var host = hosts[key], let job = host.pop(now: .infinity, robotsPending: false) {
                hosts[key] = host
                complete(job, status: 0, body: Data(), error: .network(job.location, detail: reason), deliver: deliver)
            }
        }
    }
}
