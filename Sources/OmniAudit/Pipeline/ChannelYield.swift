import AuditModel

/// A channel that was read but yielded no product is never "checked and fine": a broken theme, a changed
/// sitemap or an emptied feed would otherwise pass the gate with a few quiet "missing" warnings.
enum ChannelYield {
    /// True when the channel observed no product at all: the audit is then incomplete (exit 2).
    static func isEmpty(_ coverage: ChannelCoverage) -> Bool { coverage.products == 0 && coverage.terms == 0 }

    /// The read with a problem that names why the channel makes the audit incomplete, when it is empty.
    static func flagged(_ read: ChannelRead) -> ChannelRead {
        guard isEmpty(read.coverage) else { return read }
        var read = read
        let coverage = read.coverage
        let what = coverage.read == 0
            ? "nothing could be read (\(coverage.failed.count) failed, \(coverage.skipped.count) skipped)"
            : "\(coverage.read) input\(coverage.read == 1 ? "" : "s") read, \(coverage.skipped.count) skipped, \(coverage.failed.count) failed"
        read.coverage.problems.append(Problem(
            source: "channel \(coverage.channel)",
            message: "the channel yielded no product (\(what)): the audit is incomplete, since an empty channel "
                + "cannot be checked (a broken theme, a changed sitemap or an emptied feed look like this)"))
        return read
    }
}
