import AuditModel
import Extract
import Fetch
import Foundation

/// What `omniaudit init` learnt from one input: its kind, format, the mapping it needs, and a sample of the
/// observations it yields with that mapping.
struct ChannelSample {
    var name: String
    /// `web`, `feed` or `store`.
    var kind: String
    /// The location as given (absolute path or URL).
    var location: String
    /// For feeds: the detected format.
    var format: FeedFormat?
    /// For feeds: the mapping guessed when the standard names do not fit, by field.
    var mapping: [JSONFeedExtractor.Field: String] = [:]
    /// Observations read (at most `limit`).
    var observations: [Observation] = []
    /// Items or pages read in all, and problems seen.
    var read = 0
    var problems = 0
    /// A key transform found (`remove-prefix: IT-`), as YAML, and what it rests on.
    var transform: (yaml: String, evidence: String)?
    /// Why the input could not be sampled, when it could not (said in the file written).
    var failure: String?

    static let limit = 20_000

    /// Samples pages: a sitemap (its first pages), a folder of saved pages or one page.
    static func web(_ location: String, name: String, pages: Int) -> ChannelSample {
        var sample = ChannelSample(name: name, kind: "web", location: location)
        var inputs = [location]
        if location.lowercased().hasSuffix(".xml") || location.lowercased().hasSuffix(".xml.gz"),
            let data = try? (FileFetcher.path(of: location) == nil
                ? Crawler.fetchOne(location, settings: FetchLoader.defaults()).body : FileFetcher().fetch(location).body) {
            let body = Gunzip.isGzip(data) ? ((try? Gunzip.inflate(data, limit: 200 << 20, source: location)) ?? data) : data
            inputs = Array(((try? SitemapReader.read(body, source: location))?.pages ?? []).prefix(pages))
        }
        Inspector(kind: .page).inspect(inputs) { result in
            guard sample.read < pages else { return }
            sample.read += 1
            sample.problems += result.problems.count
            sample.observations += result.observations
        }
        return sample
    }

    /// Samples a feed or store list: its format, then its items with the standard names, else with a guessed
    /// mapping when the standard names leave most items without an id or a price.
    static func feed(_ location: String, name: String, kind: String, currency: String, locale: String) -> ChannelSample {
        var sample = ChannelSample(name: name, kind: kind, location: location)
        // An http(s) feed is downloaded once to a file, sampled from there like a local one, then removed.
        let remote = FileFetcher.path(of: location) == nil
        var local = FileFetcher.path(of: location) ?? location
        if remote {
            do {
                local = try Crawler.download(location, settings: FetchLoader.feedDefaults(), prefix: "omniaudit-init-")
            } catch {
                sample.failure = error.reason
                return sample
            }
        }
        defer { if remote { unlink(local) } }
        func open() -> FeedInput? { LocalFile.isRegular(local) ? try? FeedInput(path: local) : nil }
        guard let input = open() else {
            sample.failure = "not a readable file"
            return sample
        }
        let standard = StreamingFeedExtractor(format: .auto, interpreter: RecordInterpreter(channel: name, defaultCurrency: currency))
        sample.format = standard.resolvedFormat(input)
        var names: [String] = []
        var seen: Set<String> = []
        _ = open().map { input in
            standard.records(input, source: location) { record in
                guard seen.count < 500 else { return }
                for value in record.values where !value.text.isEmpty && seen.insert(value.name).inserted { names.append(value.name) }
            }
        }
        sample.mapping = MappingGuess.mapping(for: names)
        var interpreter = RecordInterpreter(channel: name, defaultCurrency: currency, decimalSeparator: sample.mapping.isEmpty ? nil : LocaleInfo.decimalSeparator(locale))
        interpreter.perStore = kind == "store"
        let extractor = StreamingFeedExtractor(format: sample.format ?? .auto, interpreter: interpreter,
                                               mapping: sample.mapping.compactMapValues { JSONPath($0) })
        guard let again = open() else { return sample }
        sample.problems = extractor.stream(again, source: location) { observation in
            sample.read += 1
            if sample.observations.count < limit { sample.observations.append(observation) }
        }.count
        return sample
    }
}
