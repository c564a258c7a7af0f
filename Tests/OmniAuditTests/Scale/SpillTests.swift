import Foundation
import OmniAudit
import Report
import TestSupport
import Testing

/// An audit that keeps its observations on disk (`run(spillingTo:)`, what the CLI does) must report exactly
/// what the audit in memory reports, and leave nothing in its spill folder, whatever happens.
@Suite("Spilling observations to disk", .serialized)
struct SpillTests {
    func spillFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-spill-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func left(in folder: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? ["unreadable"] }

    /// Every format of a report, as written.
    func rendered(_ report: AuditReport) throws -> [String: Data] {
        var json = Data()
        try JSONReporter().write(report) { json += $0 }
        var all = ["json": json]
        for format in ["html", "junit", "markdown", "sarif"] {
            all[format] = try Reporters.reporter(for: format)?.render(report)
        }
        return all
    }

    @Test("the demo audited with a spill gives every report byte for byte as in memory, and leaves no file")
    func demo() throws {
        var config = try ConfigLoader.load(path: Paths.repo("omniaudit.yml"))
        config.disableCache()
        var audit = Audit(config: config, version: "0.0.0-test", day: "2026-11-23")
        let folder = try spillFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inMemory = try rendered(audit.run())
        // Everything on disk, the first 7 values of each list in memory and the rest on disk, and the default.
        for kept in [0, 7, Audit.defaultKeptInMemory] {
            audit.keptInMemory = kept
            let spilledReport = try audit.run(spillingTo: folder)
            #expect(spilledReport.spill?.productCount == spilledReport.summary.products)
            #expect(spilledReport.products.count < spilledReport.summary.products)  // only the products with findings stay in memory
            let spilled = try rendered(spilledReport)
            for format in inMemory.keys.sorted() {
                #expect(spilled[format] == inMemory[format], "\(format) differs with \(kept) kept in memory")
            }
        }
        #expect((inMemory["json"]?.count ?? 0) > 10_000)
        #expect(left(in: folder).isEmpty)
    }

    @Test("unmatched notes, key transforms and keyless items spilled are reported as in memory")
    func unmatchedAndKeyless() throws {
        let shop = try ShopFolder()
        defer { shop.remove() }
        try "id,title,price\nBA-1,Mug,10.00 EUR\nBA-2,Cup,5.00 EUR\n,Nameless,1.00 EUR\nBA-4,Plate,7.00 EUR\n"
            .write(toFile: shop.path + "/app.csv", atomically: true, encoding: .utf8)
        try "id,title,price\nIT-BA-1,Mug,10.00 EUR\nIT-BA-2,Cup,6.00 EUR\nXX-3,Bowl,3.00 EUR\nIT-BA-9,Jug,9.00 EUR\n"
            .write(toFile: shop.path + "/merchant.csv", atomically: true, encoding: .utf8)
        let config = try ConfigLoader.load(path: try shop.config(channels: """
              app: { kind: feed, source: app.csv }
              merchant: { kind: feed, source: merchant.csv, catalog: partial, keys: { sku: { from: id, pattern: "^IT-(.*)$" } } }
            """))
        var audit = Audit(config: config, version: "0.0.0-test", day: "2026-11-23")
        audit.keptInMemory = 0  // every observation and page through the disk
        let folder = try spillFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let inMemory = try rendered(audit.run())
        let spilled = try rendered(try audit.run(spillingTo: folder))
        let text = String(decoding: inMemory["json"] ?? Data(), as: UTF8.self)
        #expect(text.contains("matched no other channel"))  // what the spill must splice back
        #expect(text.contains("does not fit keys.sku"))
        #expect(text.contains("cannot be matched with other channels"))
        for format in inMemory.keys.sorted() { #expect(spilled[format] == inMemory[format], "\(format) differs") }
        #expect(left(in: folder).isEmpty)
    }

    @Test("a crawled channel merged from 3 shards with a spill gives the single run's report, byte for byte")
    func crawledShards() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let path = try WebCrawlAuditTests.config(server: server)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        var config = try ConfigLoader.load(path: path)
        config.disableCache()
        var audit = Audit(config: config, version: "0.0.0-test", day: "2026-11-23")
        audit.keptInMemory = 0  // every observation and page through the disk
        let folder = try spillFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let single = try rendered(audit.run())
        let spilled = try rendered(try audit.run(spillingTo: folder))
        let shards = (path as NSString).deletingLastPathComponent + "/shards"
        for index in 1...3 { try audit.readShard(try #require(ShardSpec(parsing: "\(index)/3"))).write(into: shards) }
        let merged = try rendered(try audit.merge(try ShardSet(paths: [shards], config: config, version: "0.0.0-test"), spillingTo: folder))
        // The shards' pages and observations themselves kept on disk as they are read.
        let set = try ShardSet(paths: [shards], config: config, version: "0.0.0-test", spillDirectory: folder, keptInMemory: 0)
        let streamed = try rendered(try audit.merge(set, spillingTo: folder))
        // Shards that spill their pages while reading them write the same files.
        for index in 1...3 {
            let spec = try #require(ShardSpec(parsing: "\(index)/3"))
            #expect(try audit.readShard(spec, spillingTo: folder).encoded() == audit.readShard(spec).encoded())
        }
        for format in single.keys.sorted() {
            #expect(spilled[format] == single[format], "\(format) differs (single run)")
            #expect(merged[format] == single[format], "\(format) differs (merge)")
            #expect(streamed[format] == single[format], "\(format) differs (merge of spilled shards)")
        }
        #expect(left(in: folder).isEmpty)
    }

    @Test("the CLI leaves its --spill-dir empty after a run, after a run whose reports cannot be written, and names a missing one")
    func cli() throws {
        let folder = try spillFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let common = ["audit", "--config", Paths.repo("omniaudit.yml"), "--as-of", "2026-11-23", "--format", "json", "--quiet",
                      "--spill-dir", folder]
        let out = folder + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try Paths.run(common + ["--out", out])
        #expect(run.status == 1, "\(run.err)")
        #expect(left(in: folder).isEmpty)
        // The report folder is a file: writing fails after the spill was used.
        try "not a folder".write(toFile: folder + "-blocked", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: folder + "-blocked") }
        let failed = try Paths.run(common + ["--out", folder + "-blocked"])
        #expect(failed.status == 2)
        #expect(failed.err.contains("cannot write reports"))
        #expect(left(in: folder).isEmpty)
        let missing = try Paths.run(["audit", "--config", Paths.repo("omniaudit.yml"), "--quiet", "--spill-dir", folder + "/nowhere",
                                     "--out", out])
        #expect(missing.status == 2)
        #expect(missing.err.contains("cannot spill observations to \(folder)/nowhere: no such folder"))
        let merge = try Paths.run(["merge", folder, "--config", Paths.repo("omniaudit.yml"), "--quiet", "--spill-dir", folder + "/nowhere"])
        #expect(merge.status == 2)
        #expect(merge.err.contains("no such folder"))
        let shard = try Paths.run(["audit", "--config", Paths.repo("omniaudit.yml"), "--quiet", "--shard", "1/2", "--emit-observations",
                                   out, "--spill-dir", folder + "/nowhere"])
        #expect(shard.status == 2)
        #expect(shard.err.contains("no such folder"))
    }
}
