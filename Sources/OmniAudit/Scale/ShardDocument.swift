import AuditModel
import Foundation

/// What one shard of a sharded audit read (`omniaudit audit --shard I/N --emit-observations DIR`), written as
/// `DIR/shard-I-of-N.json` for `omniaudit merge` to reconcile and report as one run would have.
public struct ShardDocument: Sendable, Codable {
    /// The format of this file; `merge` refuses any other.
    public static let format = "omniaudit-shard/1"

    /// One configured channel, in config order: a web channel's slice, or a whole channel read by shard 1.
    struct Channel: Sendable, Codable {
        var name: String
        var web: WebShard?
        var whole: ChannelRead?
    }

    var format = ShardDocument.format
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

    /// The document as written to disk: sorted keys, so a shard read twice gives the same bytes.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Writes the document into a folder (created when missing); returns the file's path.
    @discardableResult
    public func write(into folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = (folder as NSString).appendingPathComponent(fileName)
        try encoded().write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }

    /// Reads one shard file; the error names the file and, for a malformed one, the field.
    public static func read(_ path: String) throws(ShardError) -> ShardDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ShardError("\(path): cannot be read: \(error.localizedDescription)")
        }
        struct Header: Decodable { var format: String? }
        let format = (try? JSONDecoder().decode(Header.self, from: data))?.format
        guard format == Self.format else {
            throw ShardError("\(path): not an omniaudit shard file (format \(format.map { "'\($0)'" } ?? "missing"), expected '\(Self.format)')")
        }
        do {
            return try JSONDecoder().decode(ShardDocument.self, from: data)
        } catch let DecodingError.dataCorrupted(context), let DecodingError.keyNotFound(_, context),
            let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let field = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw ShardError("\(path): malformed shard at \(field.isEmpty ? "the top" : field): \(context.debugDescription)")
        } catch {
            throw ShardError("\(path): malformed shard: \(error)")
        }
    }
}

/// Why shards cannot be read or merged, naming the file or the missing shard.
public struct ShardError: Error, CustomStringConvertible, Sendable {
    /// One sentence.
    public var description: String

    init(_ description: String) { self.description = description }
}

extension ChannelRead: Codable {
    private enum CodingKeys: String, CodingKey {
        case observations, coverage, terms
        case failedURLs = "failed_urls"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        observations = try container.decode([Observation].self, forKey: .observations)
        coverage = try container.decode(ChannelCoverage.self, forKey: .coverage)
        failedURLs = Set(try container.decode([String].self, forKey: .failedURLs))
        terms = try container.decodeIfPresent(ShopTerms.self, forKey: .terms)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(observations, forKey: .observations)
        try container.encode(coverage, forKey: .coverage)
        try container.encode(failedURLs.sorted(), forKey: .failedURLs)  // sorted: the same shard gives the same bytes
        try container.encodeIfPresent(terms, forKey: .terms)
    }
}
