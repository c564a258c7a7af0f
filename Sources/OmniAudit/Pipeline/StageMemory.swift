import Foundation

/// Peak memory at the end of each stage of an audit, for the scale benchmark: with `OMNIAUDIT_STAGE_RSS=1` in
/// the environment, progress lines name the stage and the process's peak and current resident memory so far.
public enum StageMemory {
    /// True when the environment asks for stage memory lines.
    public static let enabled = ProcessInfo.processInfo.environment["OMNIAUDIT_STAGE_RSS"] == "1"

    /// `stage: peak RSS 123 MB, now 98 MB` from /proc/self/status; nil when not enabled or not on Linux.
    public static func line(_ stage: String) -> String? {
        guard enabled, let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func megabytes(_ field: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return nil }
            return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 / 1024 }
        }
        guard let peak = megabytes("VmHWM"), let now = megabytes("VmRSS") else { return nil }
        return "memory after \(stage): peak RSS \(peak) MB, now \(now) MB"
    }
}

extension Audit {
    /// Reports the memory after a stage on the progress line, when `OMNIAUDIT_STAGE_RSS=1`.
    func memoryCheckpoint(_ stage: String) {
        if let line = StageMemory.line(stage) { progress?(line) }
    }
}
