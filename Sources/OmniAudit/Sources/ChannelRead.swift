import AuditModel

/// What reading one channel produced: its observations and its coverage.
public struct ChannelRead: Sendable {
    /// Observations in input order.
    public var observations: [Observation]
    /// Inputs read, skipped and failed, and the problems found inside them.
    public var coverage: ChannelCoverage
    /// Normalised URLs of inputs that failed (their products are unverifiable, not missing).
    public var failedURLs: Set<String>
    /// The shop-wide terms a `terms` channel read from the policy pages; nil for product channels.
    public var terms: ShopTerms? = nil
    /// What each promo message promises as a whole (code, validity, threshold); empty for other channels.
    public var promises: [MessagePromise] = []
    /// The promo codes the shop publishes as active, when a message channel names them (`codes:`).
    public var publishedCodes: PublishedCodes? = nil
    /// Observations read into a spill instead of `observations` (a shard file read by a spilling merge), in order.
    var spilled: SpilledObservations? = nil
}

/// Observations waiting in a spill file, by number, in input order.
struct SpilledObservations: Sendable {
    let values: SpilledValues<Observation>
    var numbers: [Int32] = []
}
