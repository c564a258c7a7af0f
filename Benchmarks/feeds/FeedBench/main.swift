// Streams one feed through omniaudit's feed extractor and counts what it reads, keeping nothing: items/s and
// peak RSS of the reader itself (Benchmarks/feeds/run.sh). Not part of the product.
//
//   feed-bench FILE [auto|merchant-xml|csv|tsv|jsonl]
//   FEED_BENCH_FLOOR=N feed-bench    # the observations of N generated items made and dropped, nothing read (Floor.swift)
import AuditModel
import Extract
import Foundation

let arguments = CommandLine.arguments
let floor = ProcessInfo.processInfo.environment["FEED_BENCH_FLOOR"].flatMap { Int($0) }
guard arguments.count >= 2 || floor != nil else {
    FileHandle.standardError.write(Data("usage: feed-bench FILE [format]\n".utf8))
    exit(64)
}
var items = 0
var priced = 0
var problems: [Problem] = []
let start = Date()
var seconds: Double
if let floor {
    (priced, seconds) = observationFloor(items: floor)
    items = floor
} else {
    let format = arguments.count > 2 ? FeedFormat(rawValue: arguments[2]) ?? .auto : .auto
    let extractor = StreamingFeedExtractor(format: format, interpreter: RecordInterpreter(channel: "bench", defaultCurrency: "EUR"))
    let input = try FeedInput(path: arguments[1])
    let recordsOnly = ProcessInfo.processInfo.environment["FEED_BENCH_RECORDS"] == "1"  // the readers alone, no interpretation
    problems = recordsOnly
        ? extractor.records(input, source: arguments[1]) { record in
            items += 1
            if record.first("price") != nil { priced += 1 }
        }
        : extractor.stream(input, source: arguments[1]) { observation in
            items += 1
            if observation.price != nil { priced += 1 }
        }
    seconds = Date().timeIntervalSince(start)
}
let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    .map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "?" } ?? "?"
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
print("items \(items) priced \(priced) problems \(problems.count) seconds \(String(format: "%.3f", seconds)) peak_kb \(peak) cpu_seconds \(String(format: "%.3f", cpu))")
