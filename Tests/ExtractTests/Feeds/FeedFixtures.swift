import AuditModel
import Extract
import Foundation

/// Reads the feed fixtures in `fixtures/feeds/` with the standard Merchant names, as `inspect --as feed` does.
enum FeedFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/feeds")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Every observation and problem of a fixture, streamed from its file.
    static func read(_ name: String, format: FeedFormat = .auto, currency: String? = nil) throws -> FeedExtraction {
        let extractor = StreamingFeedExtractor(format: format, interpreter: RecordInterpreter(channel: "feed", defaultCurrency: currency))
        var observations: [Observation] = []
        let problems = extractor.stream(try FeedInput(path: path(name)), source: name) { observations.append($0) }
        return FeedExtraction(observations: observations, problems: problems)
    }

    static func money(_ text: String, _ currency: String) -> Money { Money(amount: Decimal(string: text)!, currency: currency) }
}
