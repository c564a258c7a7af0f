import Foundation
import Normalize

/// Streams stdin → `PriceLineProcessor` → stdout in large chunks; errors go to stderr with their line number.
enum JSONLinesRunner {
    static func run(_ processor: PriceLineProcessor) {
        var processor = processor
        var pending: [UInt8] = []
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        let chunkSize = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, chunkSize) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            var lineStart = 0
            pending.withUnsafeBufferPointer { all in
                while lineStart < all.count, let base = all.baseAddress,
                    let found = memchr(base + lineStart, 0x0A, all.count - lineStart)
                {
                    let newline = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    var end = newline
                    if end > lineStart, all[end - 1] == 0x0D { end -= 1 }
                    let line = UnsafeBufferPointer(rebasing: all[lineStart..<end])
                    if let error = processor.process(line, into: &output) { writeError(error) }
                    lineStart = newline + 1
                }
            }
            pending.removeFirst(lineStart)
            flush(&output)
        }
        if !pending.isEmpty {
            pending.withUnsafeBufferPointer { all in
                if let error = processor.process(all, into: &output) { writeError(error) }
            }
        }
        flush(&output)
    }

    private static func flush(_ output: inout [UInt8]) {
        guard !output.isEmpty else { return }
        output.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
        output.removeAll(keepingCapacity: true)
    }

    private static func writeError(_ message: String) {
        FileHandle.standardError.write(Data(("omniaudit: " + message + "\n").utf8))
    }
}
