import Foundation

/// A flag that stops crawls (SIGINT/SIGTERM): running transfers are aborted and every request not yet done
/// ends as `FetchError.interrupted`, so the report can still account for each URL.
public final class CrawlCancellation: @unchecked Sendable {
    // Safe: `cancelled` is only read and written under `lock`.
    private let lock = NSLock()
    private var cancelled = false

    /// Creates a flag that is not set.
    public init() {}

    /// Sets the flag; crawls notice it within one loop turn (at most about 200 ms).
    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    /// True once `cancel()` was called.
    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
