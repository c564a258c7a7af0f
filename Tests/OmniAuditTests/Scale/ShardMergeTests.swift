import Foundation
import OmniAudit
import Report
import TestSupport
import Testing

/// `audit --shard I/N --emit-observations DIR` on N machines, then `merge`, must report exactly what one
/// machine reports: the same bytes, so a sharded nightly run gates a release as a single run would.
@Suite("Sharded audits and merge", .serialized)
struct ShardMergeTests {
    /// Runs the built CLI on the demo as `make audit` does, single and sharded, and compares the JSON reports.
    @Test("the demo audited in 1, 3 and 7 shards merges to the single run's report, byte for byte", arguments: [1, 3, 7])
    func demoShards(count: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-shards-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let common = ["--config", Paths.repo("omniaudit.yml"), "--as-of", "2026-11-23"]
        let single = try Paths.run(["audit"] + common + ["--out", folder + "/single", "--format", "json", "--quiet"])
        #expect(single.status == 1)
        for index in 1...count {
            let shard = try Paths.run(["audit"] + common + ["--shard", "\(index)/\(count)", "--emit-observations", folder + "/obs", "--quiet"])
            #expect(shard.status == 0, "shard \(index)/\(count): \(shard.err)")
            #expect(shard.out.contains(String(format: "shard-%04d-of-%04d.json", index, count)))
        }
        let merged = try Paths.run(["merge", folder + "/obs", "--config", Paths.repo("omniaudit.yml"), "--out", folder + "/merged",
                                    "--format", "json", "--quiet"])
        #expect(merged.status == single.status, "\(merged.err)")
        #expect(merged.out == single.out)  // the verdict line
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/single/omniaudit.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/merged/omniaudit.json"))
        #expect(a == b)
        #expect(a.count > 10_000)
    }

    /// Over HTTP, with robots.txt, a sitemap index, a gzipped sitemap, a blocked page and a failing one: the crawl
    /// summary and the coverage notes are assembled as one crawl gives them.
    @Test("a crawled channel (robots, sitemap index, 5xx page) merges from 3 shards to the single run's report")
    func crawledShards() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        var config = try ConfigLoader.load(path: path)
        config.disableCache()
        let audit = Audit(config: config, version: "0.0.0-test", day: "2026-11-23")
        let single = try JSONReporter().render(audit.run())
        let folder = (path as NSString).deletingLastPathComponent + "/shards"
        for index in 1...3 {  // as written to disk, as read back
            let document = audit.readShard(try #require(ShardSpec(parsing: "\(index)/3")))
            try document.write(into: folder)
            #expect(try ShardDocument.read(folder + "/" + document.fileName).encoded() == document.encoded())
        }
        let set = try ShardSet(paths: [folder], config: config, version: "0.0.0-test")
        #expect(set.shards.map { $0.shard.index } == [1, 2, 3])
        let merged = try JSONReporter().render(audit.merge(set))
        #expect(String(decoding: merged, as: UTF8.self) == String(decoding: single, as: UTF8.self))
        #expect(String(decoding: single, as: UTF8.self).contains("\"robots_blocked\" : 1"))
    }

    @Test("a page belongs to exactly one shard, and the split does not depend on the process")
    func ownership() throws {
        let identities = (0..<500).map { "https://shop.example/p/\($0)" }
        for count in [1, 2, 7] {
            let shards = (1...count).map { ShardSpec(parsing: "\($0)/\(count)")! }
            for identity in identities { #expect(shards.filter { $0.owns(identity) }.count == 1) }
        }
        // FNV-1a of the bytes, fixed: the same page lands on the same shard on every machine.
        #expect(ShardSpec(parsing: "1/7")!.owns("https://shop.example/p/1") == ShardSpec(parsing: "1/7")!.owns("https://shop.example/p/1"))
        let sizes = (1...7).map { index in identities.filter(ShardSpec(parsing: "\(index)/7")!.owns).count }
        #expect(sizes.allSatisfy { $0 > 40 }, "\(sizes)")  // spread, not piled on one shard
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/3", "1/3/4", ""] { #expect(ShardSpec(parsing: bad) == nil, "\(bad)") }
    }

    @Test("merge names the missing, duplicated or foreign shard and exits 64; --shard refuses link following")
    func refusals() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-shards-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = Paths.repo("omniaudit.yml")
        for index in [1, 3] {
            let shard = try Paths.run(["audit", "--config", config, "--as-of", "2026-11-23", "--shard", "\(index)/3",
                                       "--emit-observations", folder + "/obs", "--quiet"])
            #expect(shard.status == 0)
        }
        let missing = try Paths.run(["merge", folder + "/obs", "--config", config, "--out", folder + "/r", "--quiet"])
        #expect(missing.status == 64)
        #expect(missing.err.contains("shard 2/3 missing"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/r"))

        let twice = try Paths.run(["merge", folder + "/obs", folder + "/obs/shard-0001-of-0003.json", "--config", config, "--quiet"])
        #expect(twice.status == 64)
        #expect(twice.err.contains("given twice"))

        // A shard read with another config (here: another audit day) is refused, naming the file.
        let otherDay = try Paths.run(["audit", "--config", config, "--as-of", "2026-11-24", "--shard", "2/3",
                                      "--emit-observations", folder + "/obs", "--quiet"])
        #expect(otherDay.status == 0)
        let mixed = try Paths.run(["merge", folder + "/obs", "--config", config, "--quiet"])
        #expect(mixed.status == 64)
        #expect(mixed.err.contains("shard-0002-of-0003.json: audit day 2026-11-24"))

        // A damaged line is named with its number.
        let file = folder + "/obs/shard-0002-of-0003.json"
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[2] = "{\"channel\": \"web\", \"page\": {\"order\": 7}}"
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        let damaged = try Paths.run(["merge", folder + "/obs", "--config", config, "--quiet"])
        #expect(damaged.status == 64)
        #expect(damaged.err.contains("shard-0002-of-0003.json: line 3: malformed shard at .page"), "\(damaged.err)")

        try Data("{\"format\": \"something else\"}".utf8).write(to: URL(fileURLWithPath: folder + "/obs/shard-0002-of-0003.json"))
        let foreign = try Paths.run(["merge", folder + "/obs", "--config", config, "--quiet"])
        #expect(foreign.status == 64)
        #expect(foreign.err.contains("not an omniaudit shard file"))

        let noFolder = try Paths.run(["audit", "--config", config, "--shard", "1/2", "--quiet"])
        #expect(noFolder.status == 64)
        #expect(noFolder.err.contains("--emit-observations"))

        let yaml = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "include: [\"/prodotti/\"]", with: "include: [\"/prodotti/\"]\n    follow: 1")
        let following = folder + "/follow.yml"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(yaml.replacingOccurrences(of: "fixtures/", with: Paths.repo("fixtures") + "/").utf8)
            .write(to: URL(fileURLWithPath: following))
        let refused = try Paths.run(["audit", "--config", following, "--shard", "1/2", "--emit-observations", folder + "/f", "--quiet"])
        #expect(refused.status == 78)
        #expect(refused.err.contains("follows links"))
    }
}
