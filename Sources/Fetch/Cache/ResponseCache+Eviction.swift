import Foundation

extension ResponseCache {
    /// What an eviction removed.
    public struct Eviction: Sendable, Equatable {
        /// Entries removed because they were older than `maxAge`.
        public var expired = 0
        /// Entries removed to bring the cache under `maxBytes`.
        public var overSize = 0
        /// Bytes the cache holds afterwards.
        public var bytes = 0
    }

    /// Removes entries older than `maxAge`, then the oldest entries until the cache holds at most `maxBytes`.
    /// An entry is its `.meta` and `.body` pair, aged by the time it was stored (the meta file's modification
    /// time). Files that are not cache entries are left alone. Run once per crawl, before it starts.
    @discardableResult
    public func evict(now: Date = Date()) -> Eviction {
        struct Item { var base: URL; var stored: Date; var bytes: Int }
        var items: [Item] = []
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys) else {
            return Eviction()
        }
        for case let file as URL in enumerator where file.pathExtension == "meta" {
            let base = file.deletingPathExtension()
            let meta = try? file.resourceValues(forKeys: Set(keys))
            let body = try? base.appendingPathExtension("body").resourceValues(forKeys: Set(keys))
            guard meta?.isRegularFile == true else { continue }
            items.append(Item(base: base, stored: meta?.contentModificationDate ?? .distantPast,
                              bytes: (meta?.fileSize ?? 0) + (body?.fileSize ?? 0)))
        }
        var result = Eviction()
        func remove(_ item: Item) {
            try? FileManager.default.removeItem(at: item.base.appendingPathExtension("meta"))
            try? FileManager.default.removeItem(at: item.base.appendingPathExtension("body"))
        }
        var kept: [Item] = []
        for item in items {
            if now.timeIntervalSince(item.stored) > maxAge { remove(item); result.expired += 1 } else { kept.append(item) }
        }
        kept.sort { ($0.stored, $0.base.path) > ($1.stored, $1.base.path) }  // newest first
        var total = 0
        for item in kept {
            if total + item.bytes > maxBytes { remove(item); result.overSize += 1 } else { total += item.bytes }
        }
        result.bytes = total
        return result
    }
}
