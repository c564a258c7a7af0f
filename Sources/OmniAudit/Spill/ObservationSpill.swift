import AuditModel
import Foundation
import Reconcile

/// The observations of an audit kept on disk as they are read, in reading order (channel order, then input
/// order), with only what matching needs in memory (a row of a `MatchTable` each). After matching, products read their
/// observations back one product at a time.
final class ObservationSpill: @unchecked Sendable {  // `entries` is touched under `lock`
    private let values: SpilledValues<Observation>
    private var entries: MatchTable
    private var accepted = 0
    /// False for a shard, which only writes the observations out (nothing is matched there).
    private let keepsEntries: Bool
    private let lock = NSLock()
    /// The identity fields matched on.
    let fields: [IdentityField]
    /// Whether titles match too (an observation with a title but no identifier is then kept).
    let matchTitles: Bool

    init(directory: String, fields: [IdentityField], matchTitles: Bool, keepsEntries: Bool = true,
         keep: Int = Audit.defaultKeptInMemory) throws(SpillError) {
        values = SpilledValues(try SpillFile(directory: directory), keep: keep)
        self.keepsEntries = keepsEntries
        entries = MatchTable(fields: fields, matchTitles: matchTitles)
        self.fields = fields
        self.matchTitles = matchTitles
    }

    /// The spill folder.
    var directory: String { values.file.directory }
    /// How many values a list of this audit keeps in memory before it writes to disk.
    var keep: Int { values.keep }
    /// The first write or read error.
    var failure: SpillError? { values.file.failure ?? lock.withLock { other } }
    private var other: SpillError?

    /// Records a failure of a spill this one is filled from.
    func noteFailure(_ error: SpillError) { lock.withLock { if other == nil { other = error } } }
    /// The observations spilled so far.
    var count: Int { lock.withLock { accepted } }

    /// The observations spilled so far, as a channel read carries them.
    var all: SpilledObservations { SpilledObservations(values: values, numbers: (0..<Int32(count)).map { $0 }) }

    /// Keeps a matchable observation; returns the problem instead for one without any identifier (see
    /// `ChannelRead.setAsideKeyless`).
    func accept(_ observation: Observation, channel: String) -> Problem? {
        if observation.key.isEmpty && !(matchTitles && observation.title != nil) {
            return ChannelRead.keylessProblem(observation, channel: channel)
        }
        lock.withLock {
            values.append(observation)
            accepted += 1
            if keepsEntries { entries.append(observation) }
        }
        return nil
    }

    /// The observation with this number (in reading order).
    func observation(at index: Int) -> Observation? { values.value(at: index) }

    /// Hands the entries to matching and forgets them.
    func takeEntries() -> MatchTable {
        lock.withLock {
            defer { entries = MatchTable(fields: fields, matchTitles: matchTitles) }
            return entries
        }
    }
}
