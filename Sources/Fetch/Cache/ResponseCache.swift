import Foundation

/// An on-disk cache of response bodies with their validators (`ETag`, `Last-Modified`), for conditional GET:
/// the next run sends `If-None-Match`/`If-Modified-Since` and re-downloads only what changed.
///
/// Layout: `FOLDER/ab/abcdef0123456789.meta` (JSON) and `.body`, keyed by a 64-bit FNV-1a hash of the URL; the
/// meta file repeats the URL so a hash collision is a miss, never a wrong body. Writes are atomic.
/// Only touched from the crawler's thread.
public final class ResponseCache {
    /// The validators stored for a URL.
    public struct Entry: Codable, Sendable, Equatable {
        public var url: String
        public var etag: String?
        public var lastModified: String?
    }

    /// The cache folder.
    public let folder: URL
    /// The most bytes the cache keeps (bodies and metadata); the least recently stored entries go first.
    public let maxBytes: Int
    /// Entries older than this many seconds are removed.
    public let maxAge: Double

    /// The default size bound: 512 MiB.
    public static let defaultMaxBytes = 512 << 20
    /// The default age bound: 30 days.
    public static let defaultMaxAge = 30.0 * 86_400

    /// Creates (lazily) a cache in a folder, bounded by size and age (see `evict()`).
    public init(folder: String, maxBytes: Int = ResponseCache.defaultMaxBytes, maxAge: Double = ResponseCache.defaultMaxAge) {
        self.folder = URL(fileURLWithPath: folder, isDirectory: true)
        self.maxBytes = maxBytes
        self.maxAge = maxAge
    }

    private func files(for url: String) -> (meta: URL, body: URL) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in url.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let name = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - name.count) + name
        let base = folder.appendingPathComponent(String(padded.prefix(2)), isDirectory: true)
            .appendingPathComponent(padded)
        return (base.appendingPathExtension("meta"), base.appendingPathExtension("body"))
    }

    /// The validators stored for a URL, or nil.
    public func entry(for url: String) -> Entry? {
        guard let data = try? Data(contentsOf: files(for: url).meta),
            let entry = try? JSONDecoder().decode(Entry.self, from: data), entry.url == url
        else { return nil }
        return entry
    }

    /// The cached body of a URL, or nil.
    public func body(for url: String) -> Data? {
        guard entry(for: url) != nil else { return nil }
        return try? Data(contentsOf: files(for: url).body)
    }

    /// Stores a body when the response carried a validator; failures to write are ignored (it is a cache).
    public func store(url: String, etag: String?, lastModified: String?, body: Data) {
        guard etag != nil || lastModified != nil, body.count <= maxBytes / 4 else { return }
        let paths = files(for: url)
        try? FileManager.default.createDirectory(at: paths.meta.deletingLastPathComponent(),
                                                 withIntermediateDirectories: true)
        let entry = Entry(url: url, etag: etag, lastModified: lastModified)
        guard let meta = try? JSONEncoder().encode(entry) else { return }
        do {
            try body.write(to: paths.body, options: .atomic)
            try meta.write(to: paths.meta, options: .atomic)
        } catch {
            try? FileManager.default.removeItem(at: paths.meta)
        }
    }
}
