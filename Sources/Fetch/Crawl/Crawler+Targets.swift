import Foundation

extension Crawler {
    /// True when a new request may be scheduled. A request the caller names itself is trusted (its origin
    /// then receives the secrets); one from remote content must pass `settings.targets`.
    func admit(_ job: CrawlJob) -> Bool {
        guard job.request.fromRemoteContent else {
            if let origin = TargetPolicy.origin(of: job.url) { trustedOrigins.insert(origin) }
            return true
        }
        return settings.targets.refusal(of: job.location) == nil
    }

    /// Ends a request the target policy refuses, without fetching it.
    func refuse(_ job: CrawlJob, deliver: (CrawlResult) -> [CrawlRequest]) {
        let reason = settings.targets.refusal(of: job.location) ?? "not allowed"
        complete(job, error: .refused(job.location, reason: reason), deliver: deliver)
    }

    /// True when the configured headers and cookies may be sent to a URL: only to an origin the caller named
    /// itself or one `targets.secretOrigins` lists, never to a host reached through remote content alone.
    func receivesSecrets(_ url: String) -> Bool {
        guard let origin = TargetPolicy.origin(of: url) else { return false }
        return trustedOrigins.contains(origin) || settings.targets.secretOrigins.contains(origin)
    }
}
