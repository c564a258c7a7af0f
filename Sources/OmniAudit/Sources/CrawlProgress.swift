import Fetch
import Foundation

/// Shows crawl progress on stderr: a live `\r` line when stderr is a terminal, a line every few seconds
/// otherwise (CI logs). Durations and rates live here, never in the JSON report.
final class CrawlProgress {
    private let channel: String
    private let sink: (String) -> Void
    private let live: Bool
    private let started = Date()
    private var lastLine = Date.distantPast
    private var wroteLive = false

    /// Creates a meter; `sink` receives the periodic lines when stderr is not a terminal.
    init(channel: String, sink: @escaping (String) -> Void) {
        self.channel = channel
        self.sink = sink
        live = isatty(STDERR_FILENO) == 1
    }

    /// Reports the current counts.
    func update(_ stats: CrawlStats) {
        let line = Self.line(channel: channel, stats: stats, seconds: Date().timeIntervalSince(started))
        if live {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
            wroteLive = true
        } else if Date().timeIntervalSince(lastLine) >= 5 {
            lastLine = Date()
            sink(line)
        }
    }

    /// Ends the live line and prints the final figures with the duration.
    func finish(_ stats: CrawlStats) {
        if wroteLive { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        sink(Self.line(channel: channel, stats: stats, seconds: Date().timeIntervalSince(started)) + ", done")
    }

    static func line(channel: String, stats: CrawlStats, seconds: Double) -> String {
        let failed = stats.failed.values.reduce(0, +)
        let rate = seconds > 0 ? Double(stats.done) / seconds : 0
        let megabytes = Double(stats.bytes) / 1_048_576
        return "\(channel): crawled \(stats.done) (\(stats.pending) pending): \(stats.fetched) fetched, "
            + "\(stats.notModified) not modified, \(failed) failed, \(stats.robotsBlocked) robots-blocked, "
            + String(format: "%.1f MB, %.1fs, %.0f/s", megabytes, seconds, rate)
    }
}
