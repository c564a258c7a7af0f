import Fetch
import Foundation
import TestSupport
import Testing

/// The response cache is bounded by size and age: filled by a real crawl of the fault server, then evicted.
@Suite("Response cache eviction")
struct CacheEvictionTests {
    static func folderBytes(_ folder: String) -> Int {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var total = 0
        while let relative = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + relative)
            if attributes?[.type] as? FileAttributeType == .typeRegular { total += attributes?[.size] as? Int ?? 0 }
        }
        return total
    }

    @Test("over the size bound the oldest entries go; past the age bound every entry goes")
    func sizeAndAge() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let folder = NSTemporaryDirectory() + "omniaudit-cache-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var settings = Crawl.fast
        settings.obeyRobots = false
        Crawl.run((1...6).map { server.url("/p/\($0)") }, settings: settings, cache: ResponseCache(folder: folder))
        let full = Self.folderBytes(folder)
        #expect(full > 6 * 300)
        let small = ResponseCache(folder: folder, maxBytes: full / 2)
        let first = small.evict()
        #expect(first.overSize >= 3)
        #expect(first.bytes <= full / 2)
        #expect(Self.folderBytes(folder) == first.bytes)
        // Age every remaining entry by 40 days: a 30-day bound removes them all.
        let enumerator = FileManager.default.enumerator(atPath: folder)
        let old = Date().addingTimeInterval(-40 * 86_400)
        while let relative = enumerator?.nextObject() as? String {
            try? FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder + "/" + relative)
        }
        let second = ResponseCache(folder: folder, maxAge: 30 * 86_400).evict()
        #expect(second.expired == 6 - first.overSize)
        #expect(Self.folderBytes(folder) == 0)
    }
}
