/// One mismatch (or unverifiable input) reported by a rule, with the evidence from every channel involved.
public struct Finding: Hashable, Sendable, Codable {
    /// What a channel showed for the field, with its evidence.
    public struct ChannelValue: Hashable, Sendable, Codable {
        /// The channel name.
        public var channel: String
        /// The value as a display string (`49.90 EUR`, `in_stock`), nil when the channel lacks it.
        public var value: String?
        /// Where it was seen; nil when the channel does not show the product at all.
        public var evidence: Evidence?
        /// True for the value omniaudit treats as expected (the reference channel or the majority).
        public var expected: Bool

        /// Creates a channel value.
        public init(channel: String, value: String?, evidence: Evidence?, expected: Bool) {
            self.channel = channel
            self.value = value
            self.evidence = evidence
            self.expected = expected
        }
    }

    /// Whether the finding is new, was there before, or is suppressed by the config.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case new, persisting, fixed, suppressed
    }

    /// The stable rule id, e.g. `price-mismatch`.
    public var rule: String
    /// The severity after configuration.
    public var severity: Severity
    /// The product label, e.g. `sku:BA-1042`.
    public var product: String
    /// The field compared, e.g. `price`.
    public var field: String
    /// What every involved channel showed.
    public var observations: [ChannelValue]
    /// One sentence a QA person understands.
    public var message: String
    /// Stable identity: a hash of rule, product, field and channels, never of the values.
    public var fingerprint: String
    /// New, persisting, fixed or suppressed.
    public var status: Status
    /// Why it is suppressed, when it is.
    public var suppression: String?
    /// For a finding about one page (e.g. `structured-vs-visible`): the page's URL or path; part of the identity.
    public var page: String?

    /// Creates a finding. The fingerprint is computed from rule, product id, field, the *set* of channels
    /// involved and, for page findings, the page: never from values or counts, so it survives price moves,
    /// duplicate pages and a reordered `match`.
    public init(
        rule: String, severity: Severity, product: String, field: String, page: String? = nil,
        observations: [ChannelValue], message: String, status: Status = .new
    ) {
        self.rule = rule
        self.severity = severity
        self.product = product
        self.field = field
        self.observations = observations
        self.message = message
        self.status = status
        self.page = page
        self.fingerprint = Fingerprint.make([rule, product, field] + Set(observations.map(\.channel)).sorted() + [page ?? ""])
    }
}
