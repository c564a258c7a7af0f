import AuditModel
import Extract
import Fetch

/// What became of one candidate page of a web channel: the unit a sharded audit splits and `omniaudit merge`
/// puts back together. Records sort by `order` (listed pages by position, followed links by URL), so the
/// channel's coverage and observations do not depend on which machine read which page.
struct PageRecord: Sendable, Codable {
    /// What happened to the page.
    enum Outcome: Sendable, Codable {
        /// Never answered: the audit was interrupted first.
        case pending
        /// Not read on purpose, with the reason.
        case skipped(String)
        /// Could not be read, with the reason.
        case failed(String)
        /// Fetched.
        case read
    }

    /// The sort key: `0-0000000042` for the 43rd listed page, `1-https://…` for a followed link.
    var order: String
    /// The page location as listed (a URL or a path).
    var location: String
    /// The location's identity (tracking parameters removed), the key of failed inputs.
    var identity: String
    /// False for a followed page that does not match `include`: fetched only for its links.
    var extract: Bool
    var outcome: Outcome
    /// The extraction, when the page was read and extracted (and is kept in memory).
    var page: PageExtraction?
    /// The extraction's number in the page spill, when the audit spills to disk (never written to a shard).
    var spilledPage: Int?
    /// The page spill `spilledPage` numbers into.
    var pageSpill: SpilledValues<PageExtraction>?

    init(order: String, location: String, identity: String, extract: Bool, outcome: Outcome, page: PageExtraction?) {
        self.order = order
        self.location = location
        self.identity = identity
        self.extract = extract
        self.outcome = outcome
        self.page = page
    }

    /// The extraction, read back from the spill when it is there.
    var loadedPage: PageExtraction? { page ?? spilledPage.flatMap { pageSpill?.value(at: $0) } }

    private enum CodingKeys: String, CodingKey {
        case order, location, identity, extract, outcome, page
    }
}

/// Turns page records, in order, into a channel's counts, notes, problems and observations. Duplicate
/// canonicals are decided here, over every record of the channel, so a sharded audit decides them as one run would.
struct PageRecordCollector {
    private(set) var read = 0
    private(set) var skipped: [ChannelCoverage.Note] = []
    private(set) var failed: [ChannelCoverage.Note] = []
    private(set) var problems: [Problem] = []
    private(set) var observations: [Observation] = []
    private(set) var failedURLs: Set<String> = []
    /// Pages read that showed no product (they count against the coverage).
    private(set) var productless = 0

    /// Collects the records; `load` gives a record's extraction (spilled ones read back one at a time), and
    /// `sink`, when given, takes the observations instead of `observations` (a spilling audit).
    init(_ records: [PageRecord], load: (PageRecord) -> PageExtraction? = { $0.page }, sink: ((Observation) -> Void)? = nil) {
        var canonicals: [String: String] = [:]
        for record in records.sorted(by: { $0.order < $1.order }) {
            let location = record.location
            switch record.outcome {
            case .pending: failed.append(.init(input: location, reason: FetchError.interrupted(location).description))
            case .skipped(let reason): skipped.append(.init(input: location, reason: reason))
            case .failed(let reason):
                failed.append(.init(input: location, reason: reason))
                failedURLs.insert(record.identity)
            case .read:
                guard record.extract else {
                    skipped.append(.init(input: location, reason: "followed for its links only: does not match include patterns"))
                    continue
                }
                guard let page = load(record) else {  // fetched, but the audit was interrupted before extraction
                    failed.append(.init(input: location, reason: PageCrawl.notExtracted(location)))
                    continue
                }
                read += 1
                problems += page.problems
                if let canonical = page.canonicalURL {
                    if let first = canonicals[canonical] {
                        skipped.append(.init(input: location, reason: "duplicate of \(first) (same rel=canonical)"))
                        continue
                    }
                    canonicals[canonical] = location
                }
                if page.observations.isEmpty {
                    productless += 1
                    if !page.problems.contains(where: { $0.message.contains("no product") }) {
                        problems.append(Problem(source: location, message: "no product found on the page"))
                    }
                }
                if let sink { page.observations.forEach(sink) } else { observations += page.observations }
            }
        }
    }
}
