import Foundation

/// Progress of a long step counted in units (feed items read, products checked), on stderr: nothing for a step
/// that ends within a few seconds, then a line every 5 seconds (CI logs), or a live line on a terminal. Like
/// `CrawlProgress`, never part of a report.
final class StepProgress {
    private let label: String
    private let total: Int?
    private let sink: ((String) -> Void)?
    private let live = isatty(STDERR_FILENO) == 1
    private let started = Date()
    private var lastLine: Date
    private var wroteLive = false
    private var done = 0

    /// A meter for `label` ("app: items read"); `total` when known gives a percentage. Silent without a sink.
    init(_ label: String, total: Int? = nil, sink: ((String) -> Void)?) {
        self.label = label
        self.total = total
        self.sink = sink
        lastLine = started
    }

    /// Counts one more unit; looks at the clock once every 4,096.
    func step() {
        done += 1
        guard sink != nil, done & 4_095 == 0 else { return }
        let now = Date()
        let quiet = now.timeIntervalSince(started) < 3
        if quiet || now.timeIntervalSince(lastLine) < (live ? 0.5 : 5) { return }
        lastLine = now
        let line = self.line(seconds: now.timeIntervalSince(started))
        if live {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
            wroteLive = true
        } else {
            sink?(line)
        }
    }

    /// Ends a live line (the step's summary is the caller's).
    func finish() {
        if wroteLive { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    func line(seconds: Double) -> String {
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let share = total.map { $0 > 0 ? String(format: " of %d (%.0f%%)", $0, Double(done) * 100 / Double($0)) : "" } ?? ""
        return "\(label): \(done)\(share), " + String(format: "%.1fs, %.0f/s", seconds, rate)
    }
}
