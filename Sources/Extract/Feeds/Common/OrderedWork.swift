import Foundation

/// Runs jobs on worker threads and hands their results back on the submitting thread in submission order, so the
/// output is the same as running one job after another. At most two jobs per worker are in flight, so memory stays
/// flat however many are submitted; with no workers each job runs on the submitting thread when submitted.
final class OrderedWork<Output: Sendable>: @unchecked Sendable {
    // Safe: `submitted` and `delivered` are only touched by the submitting thread; `done` only under `condition`.
    private let condition = NSCondition()
    private var done: [Int: Output] = [:]
    private var submitted = 0
    private var delivered = 0
    private let inFlight: Int
    /// One serial queue per worker: serial queues are overcommitting, so a worker always gets a thread even when
    /// the caller itself runs on a busy dispatch thread (inspect's concurrentPerform) and waits for the results.
    private let queues: [DispatchQueue]

    /// Work spread over `workers` threads (0: inline).
    init(workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        inFlight = max(1, workers) * 2
        queues = (0..<max(0, workers)).map { DispatchQueue(label: "omniaudit.feed-work.\($0)") }
    }

    /// Submits a job; hands on every result already done, in order (waiting when too many are in flight).
    func submit(_ job: @escaping @Sendable () -> Output, deliver: (Output) -> Void) {
        guard !queues.isEmpty else {
            deliver(job())
            return
        }
        while submitted - delivered >= inFlight { deliverNext(deliver) }
        let index = submitted
        submitted += 1
        queues[index % queues.count].async { [self] in
            let result = job()
            condition.lock()
            done[index] = result
            condition.broadcast()
            condition.unlock()
        }
        while delivered < submitted {
            condition.lock()
            let result = done.removeValue(forKey: delivered)
            condition.unlock()
            guard let result else { return }
            delivered += 1
            deliver(result)
        }
    }

    /// Waits for every job and hands on the results left, in order.
    func finish(deliver: (Output) -> Void) {
        while delivered < submitted { deliverNext(deliver) }
    }

    private func deliverNext(_ deliver: (Output) -> Void) {
        condition.lock()
        while done[delivered] == nil { condition.wait() }
        let result = done.removeValue(forKey: delivered)!
        condition.unlock()
        delivered += 1
        deliver(result)
    }
}
