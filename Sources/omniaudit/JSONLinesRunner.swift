import Foundation
import Normalize

/// Streams stdin → `PriceLineProcessor` → stdout for `parse price --jsonl`. It reads blocks of whole lines,
/// splits each block at line breaks across the cores (one processor per part, line numbers carried over) and
/// writes the results in input order; errors go to stderr with their line number, in order too.
enum JSONLinesRunner {
    /// Bytes read per block (a longer line grows the buffer).
    static let blockSize = 1 << 20
    /// Blocks smaller than this are processed on one core.
    static let parallelThreshold = 1 << 16

    static func run(_ template: PriceLineProcessor, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let workers = max(1, min(workers, 16))
        var input = InputBlock(capacity: blockSize)
        var state = Workers(template: template, count: workers)
        var nextLine = 0
        while let block = input.nextBlock() {
            nextLine = state.process(block, firstLine: nextLine)
            for index in 0..<state.used {
                write(state.outputs[index])
                for error in state.errors[index] { writeError(error) }
            }
            input.consume(block.count)
        }
    }

    /// Writes all of `bytes` to stdout.
    private static func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { Console.output($0) } }

    private static func writeError(_ message: String) {
        FileHandle.standardError.write(Data(("omniaudit: " + message + "\n").utf8))
    }
}

/// Stdin read in blocks that end at a line break (or at the end of input); a line longer than the buffer grows it.
private struct InputBlock {
    private var storage: UnsafeMutableBufferPointer<UInt8>
    private var filled = 0
    private var atEnd = false

    init(capacity: Int) { storage = .allocate(capacity: capacity) }

    /// The next block of whole lines, nil at the end of input.
    mutating func nextBlock() -> UnsafeBufferPointer<UInt8>? {
        while true {
            while !atEnd, filled < storage.count {
                let count = read(0, storage.baseAddress! + filled, storage.count - filled)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { atEnd = true } else { filled += count }
            }
            if atEnd { return filled > 0 ? UnsafeBufferPointer(rebasing: storage[..<filled]) : nil }
            if let last = lastNewline() { return UnsafeBufferPointer(rebasing: storage[...last]) }
            grow()  // a single line fills the buffer
        }
    }

    /// Drops the first `count` bytes (a processed block), keeping the partial line after them.
    mutating func consume(_ count: Int) {
        let rest = filled - count
        if rest > 0 { storage.baseAddress!.update(from: storage.baseAddress! + count, count: rest) }
        filled = rest
    }

    private func lastNewline() -> Int? {
        var index = filled - 1
        while index >= 0, storage[index] != 0x0A { index -= 1 }
        return index >= 0 ? index : nil
    }

    private mutating func grow() {
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: storage.count * 2)
        larger.baseAddress!.initialize(from: storage.baseAddress!, count: filled)
        storage.deallocate()
        storage = larger
    }
}

/// One processor and output buffer per core.
private struct Workers {
    var processors: [PriceLineProcessor]
    var outputs: [[UInt8]]
    var errors: [[String]]
    /// The number of parts the last block was split into.
    var used = 0

    init(template: PriceLineProcessor, count: Int) {
        processors = Array(repeating: template, count: count)
        outputs = Array(repeating: [], count: count)
        errors = Array(repeating: [], count: count)
    }

    /// Processes a block whose first line is number `firstLine + 1`; returns the number of its last line.
    mutating func process(_ block: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Int {
        let parts = block.count < JSONLinesRunner.parallelThreshold ? [block] : split(block, into: processors.count)
        used = parts.count
        var line = firstLine
        for (index, part) in parts.enumerated() {
            processors[index].lineNumber = line
            line += Self.lineCount(part)
            outputs[index].removeAll(keepingCapacity: true)
            errors[index].removeAll(keepingCapacity: true)
        }
        if parts.count == 1 {
            processors[0].process(lines: parts[0], into: &outputs[0], errors: &errors[0])
            return line
        }
        processors.withUnsafeMutableBufferPointer { processors in
            outputs.withUnsafeMutableBufferPointer { outputs in
                errors.withUnsafeMutableBufferPointer { errors in
                    // Each part works on its own slots, moved out into locals for the run: neighbouring slots
                    // share cache lines, and writing them from two cores would make the cores fight over them.
                    nonisolated(unsafe) let (processors, outputs, errors, parts) = (processors, outputs, errors, parts)
                    DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                        var processor = (processors.baseAddress! + index).move()
                        var output = (outputs.baseAddress! + index).move()
                        var problems = (errors.baseAddress! + index).move()
                        processor.process(lines: parts[index], into: &output, errors: &problems)
                        (processors.baseAddress! + index).initialize(to: processor)
                        (outputs.baseAddress! + index).initialize(to: output)
                        (errors.baseAddress! + index).initialize(to: problems)
                    }
                }
            }
        }
        return line
    }

    /// `block` cut into up to `count` parts of about equal size, each ending at a line break.
    private func split(_ block: UnsafeBufferPointer<UInt8>, into count: Int) -> [UnsafeBufferPointer<UInt8>] {
        var parts: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for part in 1...count where start < block.count {
            var end = part == count ? block.count : max(start, block.count * part / count)
            while end < block.count, end > 0, block[end - 1] != 0x0A { end += 1 }
            if end > start { parts.append(UnsafeBufferPointer(rebasing: block[start..<end])) }
            start = end
        }
        return parts
    }

    /// The lines in a part: its line breaks, plus a last line without one.
    private static func lineCount(_ part: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = part.baseAddress, !part.isEmpty else { return 0 }
        var count = 0
        var offset = 0
        while offset < part.count, let found = memchr(base + offset, 0x0A, part.count - offset) {
            count += 1
            offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return offset < part.count ? count + 1 : count
    }
}
