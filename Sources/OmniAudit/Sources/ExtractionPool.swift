import Extract
import Fetch
import Foundation

/// Extracts pages on a few worker threads while the crawler keeps fetching; bounded so memory stays flat.
final class ExtractionPool: @unchecked Sendable {
    // Safe: `results` is only touched under `lock`; the extractor is an immutable Sendable value.
    private let extractor: PageExtractor
    private let lock = NSLock()
    private var results: [Int: PageExtraction] = [:]
    private var spilled: [Int: Int] = [:]
    /// Where extractions go when the audit spills to disk (only their numbers stay in memory).
    private let spill: SpilledValues<PageExtraction>?
    /// What is done to an extraction before it is spilled (local paths shown relative, as records show them).
    private let prepare: @Sendable (PageExtraction) -> PageExtraction
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let queue = DispatchQueue(label: "omniaudit.extract", attributes: .concurrent)
    private let cancellation: CrawlCancellation?

    init(extractor: PageExtractor, workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount),
         cancellation: CrawlCancellation? = nil, spill: SpilledValues<PageExtraction>? = nil,
         prepare: @escaping @Sendable (PageExtraction) -> PageExtraction = { $0 }) {
        self.extractor = extractor
        self.spill = spill
        self.prepare = prepare
        self.cancellation = cancellation
        slots = DispatchSemaphore(value: workers * 2)
    }

    /// Queues a page; false when the audit was interrupted first (waiting for a free slot notices it too, so
    /// a slow page never makes the crawl loop deaf to SIGTERM). Queued pages are skipped once interrupted.
    func extract(_ body: Data, source: String, contentType: String?, index: Int) -> Bool {
        while slots.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            if cancellation?.isCancelled == true { return false }
        }
        if cancellation?.isCancelled == true {
            slots.signal()
            return false
        }
        queue.async(group: group) { [self] in
            defer { slots.signal() }
            guard cancellation?.isCancelled != true else { return }
            let page = PageBody.extract(body, source: source, contentType: contentType, with: extractor)
            if let spill {
                let number = spill.append(prepare(page))
                lock.withLock { spilled[index] = number }
            } else {
                lock.withLock { results[index] = page }
            }
        }
        return true
    }

    /// Waits for every extraction and returns the pages by candidate index (those kept in memory, and the
    /// numbers of those spilled).
    func finish() -> (pages: [Int: PageExtraction], spilled: [Int: Int]) {
        group.wait()
        return lock.withLock { (results, spilled) }
    }
}
