import AuditModel
import Foundation

/// Interprets the records of one feed on worker threads while the reader keeps reading: records are gathered in
/// batches, each batch becomes observations on a worker, and the observations and problems are handed on, on the
/// reader's thread, in input order (the output is the same as reading one record after another). At most a few
/// batches are in flight, so memory stays flat; a feed smaller than one batch is interpreted on the calling thread.
final class InterpretPipeline {
    /// What one batch became.
    struct Result: Sendable {
        var observations: [Observation]
        var problems: [Problem]
    }

    private let interpreter: RecordInterpreter
    private let source: String
    private let batchSize: Int
    private let work: OrderedWork<Result>
    private var batch: [FeedRecord] = []

    /// A pipeline for a prepared interpreter; `workers` threads interpret batches of `batchSize` records.
    init(interpreter: RecordInterpreter, source: String, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
         batchSize: Int = 256) {
        self.interpreter = interpreter
        self.source = source
        self.batchSize = max(1, batchSize)
        work = OrderedWork(workers: workers)
        batch.reserveCapacity(self.batchSize)
    }

    /// Adds one record; hands on every batch already interpreted, in order.
    func add(_ record: FeedRecord, each: (Observation) -> Void, problems: inout [Problem]) {
        batch.append(record)
        guard batch.count >= batchSize else { return }
        let records = batch
        batch = []
        batch.reserveCapacity(batchSize)
        let (interpreter, source) = (self.interpreter, self.source)
        work.submit({ Self.interpret(records, interpreter: interpreter, source: source) }) { Self.hand($0, each, &problems) }
    }

    /// Interprets the last records and hands on everything left, in order.
    func finish(each: (Observation) -> Void, problems: inout [Problem]) {
        work.finish { Self.hand($0, each, &problems) }
        if !batch.isEmpty {
            let result = Self.interpret(batch, interpreter: interpreter, source: source)
            batch = []
            Self.hand(result, each, &problems)
        }
    }

    /// The observations and problems of a batch of records, in order.
    static func interpret(_ records: [FeedRecord], interpreter: RecordInterpreter, source: String) -> Result {
        var session = Session(interpreter: interpreter, source: source)
        return session.interpret(records)
    }

    /// What one thread interpreting records keeps from one run of records to the next: private copies of the
    /// strings and parsers every observation refers to (threads retaining one shared object would contend for its
    /// reference count on every item), and the interpreter's memo.
    struct Session {
        private let interpreter: RecordInterpreter
        private let source: String
        private var memo = RecordInterpreter.Memo()

        init(interpreter: RecordInterpreter, source: String) {
            var interpreter = interpreter
            interpreter.channel = String(decoding: Array(interpreter.channel.utf8), as: UTF8.self)
            self.interpreter = interpreter.prepared()
            self.source = String(decoding: Array(source.utf8), as: UTF8.self)
        }

        private var result = Result(observations: [], problems: [])

        /// The observations and problems of some records, in order.
        mutating func interpret(_ records: [FeedRecord]) -> Result {
            result.observations.reserveCapacity(records.count)
            records.forEach { take($0) }
            return output()
        }
    }

    /// Hands on one batch's observations in order, moving each out of the batch rather than copying it.
    static func hand(_ result: consuming Result, _ each: (Observation) -> Void, _ problems: inout [Problem]) {
        var observations: [Observation] = []
        swap(&observations, &result.observations)
        observations.reverse()
        while let observation = observations.popLast() { each(observation) }
        problems += result.problems
    }
}

extension InterpretPipeline.Session: RecordSink {
    /// Interprets one record.
    mutating func take(_ record: FeedRecord) {
        if let observation = interpreter.observation(record, source: source, problems: &result.problems, memo: &memo) {
            result.observations.append(observation)
        }
    }

    /// Interprets one CSV/TSV row in place.
    mutating func take(row: CSVRow, layout: FeedRecord.Layout) {
        if let observation = interpreter.observation(row: row, layout: layout, source: source, problems: &result.problems, memo: &memo) {
            result.observations.append(observation)
        }
    }

    /// The observations and problems of the records taken since the last output, in order.
    mutating func output() -> InterpretPipeline.Result {
        defer { result = InterpretPipeline.Result(observations: [], problems: []) }
        return result
    }
}
