import AuditModel
import Extract
import Foundation

/// What one shard of a sharded audit read (`omniaudit audit --shard I/N --emit-observations DIR`), written as
/// `DIR/shard-000I-of-000N.json` for `omniaudit merge` to reconcile and report as one run would have.
///
/// The file is JSON Lines, written and read one line at a time so a shard's file is never whole in memory: a
/// header line (format, version, config digest, day, shard, whether it was interrupted, the channel names),
/// then per channel in config order its parts: a web channel's discovery, page records and crawl counts, or
/// another channel's coverage and then its observations one per line.
public struct ShardDocument: Sendable {
    /// The format of this file; `merge` refuses any other.
    public static let format = "omniaudit-shard/1"

    /// One configured channel, in config order: a web channel's slice, or a whole channel read by shard 1.
    struct Channel: Sendable {
        var name: String
        var web: WebShard?
        var whole: ChannelRead?
    }

    /// The omniaudit version that read it: every shard of a merge must come from the same one.
    public var tool: String
    /// The digest of the config it was read with.
    public var configDigest: String
    /// The audit day.
    public var asOf: String
    /// Which slice.
    public var shard: ShardSpec
    /// True when the shard was stopped (SIGINT/SIGTERM) before it read everything.
    public var interrupted: Bool
    var channels: [Channel]

    /// `shard-0003-of-0007.json`: names sort in shard order.
    public var fileName: String { String(format: "shard-%04d-of-%04d.json", shard.index, shard.count) }

    /// The first line.
    struct Header: Codable {
        var format: String?
        var tool: String
        var configDigest: String
        var asOf: String
        var shard: ShardSpec
        var interrupted: Bool
        var channels: [String]
    }

    /// Every other line: one part of one channel.
    struct Line: Codable {
        var channel: String
        var discovery: WebShard.Discovery?
        var page: PageRecord?
        var crawl: CrawlSummary?
        var coverage: ChannelCoverage?
        var failedURLs: [String]?
        var terms: ShopTerms?
        var promises: [MessagePromise]?
        var publishedCodes: PublishedCodes?
        var observation: Observation?
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Hands the file's lines to `sink`, one at a time.
    func write(to sink: (Data) throws -> Void) throws {
        let encoder = Self.encoder
        func emit<T: Encodable>(_ value: T) throws { try sink(try encoder.encode(value) + Data([0x0A])) }
        try emit(Header(format: Self.format, tool: tool, configDigest: configDigest, asOf: asOf, shard: shard,
                        interrupted: interrupted, channels: channels.map(\.name)))
        for channel in channels {
            if let web = channel.web {
                if let discovery = web.discovery { try emit(Line(channel: channel.name, discovery: discovery)) }
                for var page in web.pages {
                    if page.page == nil, let number = page.spilledPage {  // written from the spill, one at a time
                        guard let extraction = page.pageSpill?.value(at: number) else {
                            throw page.pageSpill?.file.failure ?? SpillError(directory: "", reason: "unreadable page")
                        }
                        page.page = extraction
                    }
                    try emit(Line(channel: channel.name, page: page))
                }
                try emit(Line(channel: channel.name, crawl: web.crawl))
            } else if let read = channel.whole {
                try emit(Line(channel: channel.name, coverage: read.coverage, failedURLs: read.failedURLs.sorted(), terms: read.terms,
                              promises: read.promises.isEmpty ? nil : read.promises, publishedCodes: read.publishedCodes))
                for observation in read.observations { try emit(Line(channel: channel.name, observation: observation)) }
                for number in read.spilled?.numbers ?? [] {
                    guard let observation = read.spilled?.values.value(at: Int(number)) else {
                        throw read.spilled?.values.file.failure ?? SpillError(directory: "", reason: "unreadable observation")
                    }
                    try emit(Line(channel: channel.name, observation: observation))
                }
            }
        }
    }

    /// The whole file as bytes (the same bytes for the same shard).
    public func encoded() throws -> Data {
        var data = Data()
        try write { data += $0 }
        return data
    }

    /// Writes the document into a folder (created when missing), atomically; returns the file's path.
    @discardableResult
    public func write(into folder: String) throws -> String {
        try ReportWriter.makeFolder(folder)
        let path = (folder as NSString).appendingPathComponent(fileName)
        try ReportWriter.writeAtomically(to: path) { sink in try write(to: sink) }
        return path
    }

    /// Reads one shard file line by line; the error names the file, the line and, for a malformed one, the field.
    /// With `spillDirectory`, page extractions and observations go to unlinked files there as they are read
    /// (only their numbers stay in memory), for a merge whose memory does not grow with the catalogue.
    public static func read(_ path: String, spillDirectory: String? = nil, keptInMemory: Int = Audit.defaultKeptInMemory)
        throws(ShardError) -> ShardDocument {
        guard let file = FileHandle(forReadingAtPath: path) else { throw ShardError("\(path): cannot be read") }
        var pageSpill: SpilledValues<PageExtraction>?
        var observationSpill: SpilledValues<Observation>?
        if let spillDirectory {
            do {
                pageSpill = SpilledValues(try SpillFile(directory: spillDirectory), keep: keptInMemory)
                observationSpill = SpilledValues(try SpillFile(directory: spillDirectory), keep: keptInMemory)
            } catch {
                throw ShardError("\(path): \(error.description)")
            }
        }
        defer { try? file.close() }
        let decoder = JSONDecoder()
        var lines = LineReader(file)
        var number = 0
        func next() throws(ShardError) -> Data? {
            number += 1
            let result = Result { try lines.next() }
            switch result {
            case .success(let line): return line
            case .failure(let error): throw ShardError("\(path): line \(number): cannot be read: \(error.localizedDescription)")
            }
        }
        func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws(ShardError) -> T {
            do {
                return try decoder.decode(type, from: data)
            } catch let DecodingError.dataCorrupted(context), let DecodingError.keyNotFound(_, context),
                let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
                let field = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                throw ShardError("\(path): line \(number): malformed shard at \(field.isEmpty ? "the top" : field): \(context.debugDescription)")
            } catch {
                throw ShardError("\(path): line \(number): malformed shard: \(error)")
            }
        }
        struct Format: Decodable { var format: String? }
        guard let first = try next(), let format = try? decoder.decode(Format.self, from: first), format.format == Self.format else {
            throw ShardError("\(path): not an omniaudit shard file (expected '\(Self.format)' on its first line)")
        }
        let header = try decode(Header.self, first)
        var channels = header.channels.map { Channel(name: $0) }
        let position = Dictionary(header.channels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        while let data = try next() {
            if data.isEmpty { continue }
            let line = try decode(Line.self, data)
            guard let index = position[line.channel] else {
                throw ShardError("\(path): line \(number): channel '\(line.channel)' is not in the shard's header")
            }
            if let discovery = line.discovery { channels[index].webPart { $0.discovery = discovery } }
            if var page = line.page {
                if let pageSpill, let extraction = page.page {
                    page.spilledPage = pageSpill.append(extraction)
                    page.pageSpill = pageSpill
                    page.page = nil
                }
                channels[index].webPart { $0.pages.append(page) }
            }
            if let crawl = line.crawl { channels[index].webPart { $0.crawl = crawl } }
            if let coverage = line.coverage {
                channels[index].whole = ChannelRead(observations: [], coverage: coverage, failedURLs: Set(line.failedURLs ?? []),
                                                    terms: line.terms, promises: line.promises ?? [],
                                                    publishedCodes: line.publishedCodes)
            }
            if let observation = line.observation {
                guard channels[index].whole != nil else {
                    throw ShardError("\(path): line \(number): an observation of '\(line.channel)' before its coverage")
                }
                if let observationSpill {
                    let number = Int32(observationSpill.append(observation))
                    if channels[index].whole?.spilled == nil { channels[index].whole?.spilled = SpilledObservations(values: observationSpill) }
                    channels[index].whole?.spilled?.numbers.append(number)
                } else {
                    channels[index].whole?.observations.append(observation)
                }
            }
        }
        if let failure = pageSpill?.file.failure ?? observationSpill?.file.failure { throw ShardError("\(path): \(failure.description)") }
        return ShardDocument(tool: header.tool, configDigest: header.configDigest, asOf: header.asOf, shard: header.shard,
                             interrupted: header.interrupted, channels: channels)
    }
}

extension ShardDocument.Channel {
    init(name: String) { self.init(name: name, web: nil, whole: nil) }

    /// Changes the channel's web part, creating it empty first.
    mutating func webPart(_ change: (inout WebShard) -> Void) {
        var part = web ?? WebShard(discovery: nil, pages: [], crawl: .zero)
        web = nil  // uniquely referenced while changed: appending a page does not copy the others
        change(&part)
        web = part
    }
}

/// Reads a file one `\n`-terminated line at a time, in 1 MiB chunks.
struct LineReader {
    private let file: FileHandle
    private var buffer = Data()
    private var start = 0
    private var done = false

    init(_ file: FileHandle) { self.file = file }

    /// The next line without its `\n`; nil at the end.
    mutating func next() throws -> Data? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                let line = buffer[start..<newline]
                start = newline + 1
                return Data(line)
            }
            if done {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                start = buffer.count
                return Data(line)
            }
            buffer = Data(buffer[start...])
            start = 0
            let chunk = try file.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { done = true } else { buffer += chunk }
        }
    }
}

/// Why shards cannot be read or merged, naming the file or the missing shard.
public struct ShardError: Error, CustomStringConvertible, Sendable {
    /// One sentence.
    public var description: String

    init(_ description: String) { self.description = description }
}
