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
    public func readShard(_ shard: ShardSpec) -> ShardDocument { readShard(shard, spills: [:]) }

    /// `readShard`, with the page extractions and the observations of the channels read whole (a feed) kept in
    /// `directory` as they are read and written out from there, so a shard's memory does not grow with them.
    public func readShard(_ shard: ShardSpec, spillingTo directory: String) throws(SpillError) -> ShardDocument {
        var spills: [String: ObservationSpill] = [:]
        for channel in config.channels where channel.web != nil || shard.readsChannelWideInputs {
            spills[channel.name] = try ObservationSpill(directory: directory, fields: config.match, matchTitles: config.matchTitles,
                                                        keepsEntries: false, keep: keptInMemory)
        }
        let document = readShard(shard, spills: spills)
        if let failure = spills.values.lazy.compactMap(\.failure).first { throw failure }
        return document
    }

    private func readShard(_ shard: ShardSpec, spills: [String: ObservationSpill]) -> ShardDocument {
        var channels: [ShardDocument.Channel] = []
        for channel in config.channels {
            var environment = environment(for: channel)
            environment.spill = spills[channel.name]
            if let web = channel.web {
                let part = web.source(environment).readShard(shard)
                progress?("\(channel.name): shard \(shard): \(part.pages.count) pages")
                memoryCheckpoint("reading \(channel.name), shard \(shard)")
                channels.append(.init(name: channel.name, web: part))
            } else if shard.readsChannelWideInputs {
                var read = channel.source.read(environment)
                if let spill = environment.spill, spill.count > 0 { read.spilled = spill.all }
                channels.append(.init(name: channel.name, whole: read))
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
        do {
            return try merge(set, spillingTo: nil)
        } catch {
            preconditionFailure("a merge in memory writes nothing to disk, so it cannot fail to: \(error)")
        }
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
