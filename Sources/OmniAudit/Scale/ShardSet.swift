import Foundation

/// The shard files given to `omniaudit merge`: folders (every `shard-*.json` in them) and files, checked to be
/// exactly shards 1…N of one audit, made with this config, on one day, by this version.
public struct ShardSet: Sendable {
    /// The shards, in shard order.
    public let shards: [ShardDocument]

    /// Reads and checks the shards at these paths.
    /// With `spillDirectory`, what the shards read waits in unlinked files there (see `ShardDocument.read`).
    /// `keptInMemory` values of each spilled list stay in memory (see `Audit.keptInMemory`).
    public init(paths: [String], config: AuditConfig, version: String, spillDirectory: String? = nil,
                keptInMemory: Int = Audit.defaultKeptInMemory) throws(ShardError) {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ShardError("\(path): no such file or folder")
            }
            if isFolder.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                    .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted()
                guard !names.isEmpty else { throw ShardError("\(path): no shard-*.json file in the folder") }
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        var documents: [ShardDocument] = []
        for file in files { documents.append(try ShardDocument.read(file, spillDirectory: spillDirectory, keptInMemory: keptInMemory)) }
        try self.init(documents, files: files, config: config, version: version)
    }

    /// Checks shards already read; `files` name them in errors.
    public init(_ documents: [ShardDocument], files: [String]? = nil, config: AuditConfig, version: String) throws(ShardError) {
        guard let first = documents.first else { throw ShardError("no shard to merge") }
        let names = files ?? documents.map(\.fileName)
        let count = first.shard.count
        var byIndex: [Int: ShardDocument] = [:]
        for (document, name) in zip(documents, names) {
            guard document.shard.count == count else {
                throw ShardError("\(name): shard \(document.shard) of another split than \(names[0]) (\(first.shard))")
            }
            guard document.configDigest == config.digest else {
                throw ShardError("\(name): read with another config (digest \(document.configDigest), this config is \(config.digest))")
            }
            guard document.asOf == first.asOf else {
                throw ShardError("\(name): audit day \(document.asOf), but \(names[0]) has \(first.asOf): shards of one audit share --as-of")
            }
            guard document.tool == version else {
                throw ShardError("\(name): read by omniaudit \(document.tool), this is \(version): every shard and the merge must use one version")
            }
            guard document.channels.map(\.name) == config.channels.map(\.name) else {
                throw ShardError("\(name): its channels (\(document.channels.map(\.name).joined(separator: ", "))) are not the config's")
            }
            guard byIndex[document.shard.index] == nil else { throw ShardError("\(name): shard \(document.shard) given twice") }
            byIndex[document.shard.index] = document
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.prefix(10).map { "\($0)/\(count)" }.joined(separator: ", ")
            throw ShardError("shard\(missing.count == 1 ? "" : "s") \(list)\(missing.count > 10 ? " …" : "") missing: a merge needs all \(count)")
        }
        shards = (1...count).compactMap { byIndex[$0] }
    }

    /// The audit day the shards were read for.
    public var asOf: String { shards[0].asOf }
}
