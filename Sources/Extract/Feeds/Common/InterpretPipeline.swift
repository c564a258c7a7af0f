import AuditModel
import Foundation

/// Interprets the records of one feed on worker threads while the reader keeps reading: records are gathered in
/// batches, each batch becomes observations on a worker, and the observations and problems are handed on, on the
/// reader's thread, in input order (the output is the same as reading one record after another). At most a few
/// batches are in flight, so memory stays flat; a feed smaller than one batch is interpreted on the calling thread.
final class InterpretPipeline: @unchecked Sendable {
    // Safe: `batch`, `submitted` and `emitted` are only touched by the thread that feeds the pipeline; `done` is
    // only touched under `condition`; the interpreter and source are immutable Sendable values.
    private let interpreter: RecordInterpreter
    private let source: String
    private let batchSize: Int
    private let inFlight: Int
    private let condition = NSCondition()
    private var done: [Int: (observations: [Observation], problems: [Problem])] = [:]
    private var batch: [FeedRecord] = []
    private var submitted = 0
    private var emitted = 0
    /// One serial queue per worker: serial queues are overcommitting, so a worker always gets a thread even when
    /// the caller itself runs on a busy dispatch thread (inspect's concurrentPerform) and waits for the batches.
    private let queues: [DispatchQueue]

    /// A pipeline for a prepared interpreter; `workers` threads interpret batches of `batchSize` records.
    init(interpreter: RecordInterpreter, source: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
         batchSize: Int = 64) {
        self.interpreter = interpreter
        self.source = source
        self.batchSize = max(1, batchSize)
        inFlight = max(1, workers) * 2
        queues = (0..<max(1, workers)).map { DispatchQueue(label: "omniaudit.feed-interpret.\($0)") }
        batch.reserveCapacity(self.batchSize)
    }

    /// Adds one record; hands on every batch already interpreted, in order.
    func add(_ record: FeedRecord, each: (Observation) -> Void, problems: inout [Problem]) {
        batch.append(record)
        guard batch.count >= batchSize else { return }
        while submitted - emitted >= inFlight { emitNext(each, &problems) }
        let records = batch
        batch = []
        batch.reserveCapacity(batchSize)
        let index = submitted
        submitted += 1
        queues[index % queues.count].async { [self] in
            let result = interpret(records)
            condition.lock()
            done[index] = result
            condition.broadcast()
            condition.unlock()
        }
        emitReady(each, &problems)
    }

    /// Interprets the last records and hands on everything left, in order.
    func finish(each: (Observation) -> Void, problems: inout [Problem]) {
        while emitted < submitted { emitNext(each, &problems) }
        if !batch.isEmpty {
            let result = interpret(batch)
            batch = []
            Self.hand(result, each, &problems)
        }
    }

    private func interpret(_ records: [FeedRecord]) -> (observations: [Observation], problems: [Problem]) {
        // Private copies of the strings and parsers every observation refers to: threads retaining one shared
        // object would contend for its reference count on every item.
        var interpreter = self.interpreter
        interpreter.channel = String(decoding: Array(interpreter.channel.utf8), as: UTF8.self)
        interpreter = interpreter.prepared()
        let source = String(decoding: Array(self.source.utf8), as: UTF8.self)
        var observations: [Observation] = []
        observations.reserveCapacity(records.count)
        var problems: [Problem] = []
        var memo = RecordInterpreter.Memo()
        for record in records {
            if let observation = interpreter.observation(record, source: source, problems: &problems, memo: &memo) {
                observations.append(observation)
            }
        }
        return (observations, problems)
    }

    /// Waits for the oldest batch in flight and hands it on.
    private func emitNext(_ each: (Observation) -> Void, _ problems: inout [Problem]) {
        condition.lock()
        while done[emitted] == nil { condition.wait() }
        let result = done.removeValue(forKey: emitted)!
        condition.unlock()
        emitted += 1
        Self.hand(result, each, &problems)
    }

    /// Hands on the batches already interpreted, oldest first, without waiting.
    private func emitReady(_ each: (Observation) -> Void, _ problems: inout [Problem]) {
        while emitted < submitted {
            condition.lock()
            let result = done.removeValue(forKey: emitted)
            condition.unlock()
            guard let result else { return }
            emitted += 1
            Self.hand(result, each, &problems)
        }
    }

    /// Hands on one batch's observations in order, moving each out of the batch rather than copying it.
    private static func hand(_ result: consuming (observations: [Observation], problems: [Problem]),
                             _ each: (Observation) -> Void, _ problems: inout [Problem]) {
        var observations: [Observation] = []
        swap(&observations, &result.observations)
        observations.reverse()
        while let observation = observations.popLast() { each(observation) }
        problems += result.problems
    }
}
