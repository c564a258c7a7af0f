// In-process price benchmark: `PriceParser.parse` over the same strings Python's price-parser loops over in
// `reference.py` (no I/O inside the timed loop), best round of at least 10 and 5 seconds, by wall clock and CPU
// time.
// Usage: price-bench INPUT.jsonl   → prints "loop WALL_STRINGS_PER_S CPU_STRINGS_PER_S READ_COUNT"
import Foundation
import Normalize

let arguments = CommandLine.arguments
guard arguments.count > 1, let data = FileManager.default.contents(atPath: arguments[1]) else {
    FileHandle.standardError.write(Data("usage: price-bench INPUT.jsonl\n".utf8))
    exit(64)
}
let texts: [String] = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
    (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

let parser = PriceParser()
var bestWall = 0.0, bestCPU = 0.0, read = 0
// At least 10 rounds and at least 5 seconds in all (PRICE_BENCH_ROUNDS sets the minimum rounds, for profiling):
// a short burst on a shared machine can land entirely in someone else's busy moment.
let minimumRounds = Int(ProcessInfo.processInfo.environment["PRICE_BENCH_ROUNDS"] ?? "") ?? 10
let started = Date()
var rounds = 0
while rounds < minimumRounds || Date().timeIntervalSince(started) < 5 {
    rounds += 1
    let wall = Date(), cpu = cpuSeconds()
    read = 0
    for text in texts where parser.parse(text).amount != nil { read += 1 }
    bestWall = max(bestWall, Double(texts.count) / Date().timeIntervalSince(wall))
    bestCPU = max(bestCPU, Double(texts.count) / (cpuSeconds() - cpu))
}
print("loop \(Int(bestWall)) \(Int(bestCPU)) \(read)")
