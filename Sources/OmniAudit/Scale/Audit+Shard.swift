import AuditModel

extension Audit {
    /// Why this config cannot be split into shards, or nil when it can.
    public static func shardRefusal(_ config: AuditConfig) -> String? {
        for channel in config.channels {
            if let web = channel.web, web.follow > 0 {
                return "channel '\(channel.name)' follows links (follow: \(web.follow)): pages found by following links "
                    + "cannot be split between machines; list them in a sitemap or urls, or audit without --shard"
            }
        }
        return nil
    }

    /// Reads one shard: the web pages whose identity falls in the slice, and (shard 1) the sitemaps and every
    /// other channel whole. Nothing is matched or reported; `merge` does that for all shards at once.
    public func readShard(_ shard: ShardSpec) -> ShardDocument {
        var channels: [ShardDocument.Channel] = []
        for channel in config.channels {
            let environment = environment(for: channel)
            if let web = channel.web {
                let part = web.source(environment).readShard(shard)
                progress?("\(channel.name): shard \(shard): \(part.pages.count) pages")
                memoryCheckpoint("reading \(channel.name), shard \(shard)")
                channels.append(.init(name: channel.name, web: part))
            } else if shard.readsChannelWideInputs {
                channels.append(.init(name: channel.name, whole: channel.source.read(environment)))
                memoryCheckpoint("reading \(channel.name), shard \(shard)")
            } else {
                channels.append(.init(name: channel.name))
            }
        }
        return ShardDocument(tool: version, configDigest: config.digest, asOf: asOf, shard: shard,
                             interrupted: cancellation?.isCancelled == true, channels: channels)
    }

    /// Reconciles and reports the shards of one audit as a single run on one machine would have: the same
    /// observations in the same order, so the same report, byte for byte.
    public func merge(_ set: consuming ShardSet) -> AuditReport {
        (try? merge(set, spillingTo: nil)) ?? reconcile([], interrupted: true)
    }

    /// `merge`, keeping observations on disk in `directory` (see `run(spillingTo:)`); in memory when nil.
    public func merge(_ set: consuming ShardSet, spillingTo directory: String?) throws(SpillError) -> AuditReport {
        var spill: ObservationSpill?
        if let directory { spill = try makeSpill(in: directory) }
        var reads: [ChannelRead] = []
        for (position, channel) in config.channels.enumerated() {
            let parts = set.shards.map { $0.channels[position] }
            if let web = channel.web {
                var environment = environment(for: channel)
                environment.spill = spill
                reads.append(web.source(environment).assemble(parts.compactMap(\.web)))
            } else {
                reads.append(parts.lazy.compactMap(\.whole).first
                    ?? ChannelRead(observations: [], coverage: ChannelCoverage(channel: channel.name), failedURLs: []))
            }
        }
        let interrupted = set.shards.contains(where: \.interrupted)
        _ = consume set  // the decoded shards go before matching: each observation is then held once
        return try reconcile(reads.map { settled($0, spill: spill) }, interrupted: interrupted, spill: spill)
    }
}
