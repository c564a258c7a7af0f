import AuditModel
import CZlib
import Foundation

/// The bytes of one feed, read in chunks so that a feed of any size is streamed: from memory, or from a file
/// (plain or gzip-compressed, detected from its bytes) with a cap on the bytes produced (gzip bombs).
///
/// Confined to the one extraction that reads it; the zlib handle is closed in `deinit`.
public final class FeedInput {
    private var memory: Data?
    private var offset = 0
    private var file: gzFile?
    private var produced = 0
    /// The largest number of (decompressed) bytes read before the input fails.
    public let limit: Int
    /// Why reading stopped early (I/O error, over the limit, corrupt gzip); nil when the input ended normally.
    public private(set) var failure: String?
    /// The first bytes, kept for format detection and re-served to the first reads.
    private var head = Data()
    private var inflater: Inflater?
    private var headServed = 0
    /// UTF-16 being converted (`convertingUTF16()`): the bytes converted and not yet handed out.
    private var utf16: UTF16Stream?
    private var converted: [UInt8] = []
    private var convertedOffset = 0
    private var utf16Ended = false

    /// Reads bytes already in memory; gzip data is inflated as it is read.
    public init(data: Data, limit: Int = 4 << 30) {
        self.limit = limit
        memory = data
        if data.count >= 2, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b {
            inflater = Inflater(data)
            if inflater == nil { failure = "zlib could not be initialised" }
        }
    }

    /// Opens a file; `.gz` content is decompressed transparently. Throws a message when it cannot be opened.
    public init(path: String, limit: Int = 4 << 30) throws(Problem) {
        self.limit = limit
        guard let handle = gzopen(path, "rb") else {
            throw Problem(source: path, message: "cannot open the file: \(String(cString: strerror(errno)))")
        }
        gzbuffer(handle, 256 << 10)
        file = handle
    }

    deinit {
        if let file { gzclose(file) }
    }

    /// The first `count` bytes (fewer when the input is shorter), without consuming them.
    public func peek(_ count: Int) -> Data {
        if let memory, inflater == nil { return memory.prefix(count) }
        while head.count < count {
            var chunk = [UInt8](repeating: 0, count: count - head.count)
            let read = chunk.withUnsafeMutableBytes { rawRead($0) }
            if read <= 0 { break }
            head.append(contentsOf: chunk[0..<read])
        }
        return head.prefix(count)
    }

    /// True when reading failed and `rest`, the bytes after the last whole row or line, hold more than blanks: a
    /// row the failure cut short, which is reported and never read as an item.
    func cutShort(_ rest: some Sequence<UInt8>) -> Bool {
        failure != nil && rest.contains { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 && $0 != 0x09 }
    }

    /// Starts reading again from the first byte (a JSON feed whose items must first be found is read twice);
    /// false when the input cannot be read again.
    public func rewind() -> Bool {
        head = Data()
        headServed = 0
        produced = 0
        failure = nil
        (utf16, converted, convertedOffset, utf16Ended) = (nil, [], 0, false)  // the reader asks again
        if let memory {
            offset = 0
            if inflater != nil {
                inflater = Inflater(memory)
                if inflater == nil { failure = "zlib could not be initialised" }
            }
            return failure == nil
        }
        guard let file else { return false }
        return gzrewind(file) == 0
    }

    /// Fills `buffer` with the next bytes; returns how many (0 at the end, -1 on failure, see `failure`).
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard utf16 != nil else { return readBytes(into: buffer) }
        while convertedOffset == converted.count {
            if utf16Ended { return 0 }
            var raw = [UInt8](repeating: 0, count: max(2, buffer.count))
            let count = raw.withUnsafeMutableBytes { readBytes(into: $0) }
            if count < 0 { return -1 }
            if count == 0 {
                converted = utf16!.finish()
                utf16Ended = true
            } else {
                converted = raw.withUnsafeBufferPointer { utf16!.convert(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            }
            convertedOffset = 0
        }
        let count = min(buffer.count, converted.count - convertedOffset)
        converted.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + convertedOffset, byteCount: count) }
        convertedOffset += count
        return count
    }

    /// From now on `read(into:)` hands out UTF-8: an input in UTF-16 with its byte order mark (a JSON feed saved
    /// as "Unicode" by a Windows tool) is converted as it is read, the mark becoming UTF-8's. True when it is.
    @discardableResult
    public func convertingUTF16() -> Bool {
        guard utf16 == nil, let bigEndian = FeedFormat.utf16ByteOrder(peek(2)) else { return utf16 != nil }
        utf16 = UTF16Stream(bigEndian: bigEndian)
        return true
    }

    private func readBytes(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        if headServed < head.count {
            let count = min(buffer.count, head.count - headServed)
            head.withUnsafeBytes { raw in
                buffer.baseAddress?.copyMemory(from: raw.baseAddress! + headServed, byteCount: count)
            }
            headServed += count
            return count
        }
        return rawRead(buffer)
    }

    private func rawRead(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard failure == nil, let base = buffer.baseAddress, buffer.count > 0 else { return failure == nil ? 0 : -1 }
        var count: Int
        if let inflater {
            count = inflater.read(base, buffer.count)
            if count < 0 {
                failure = "corrupt or truncated gzip data"
                return -1
            }
        } else if let memory {
            count = min(buffer.count, memory.count - offset)
            if count > 0 {
                memory.withUnsafeBytes { raw in base.copyMemory(from: raw.baseAddress! + offset, byteCount: count) }
                offset += count
            }
        } else if let file {
            count = Int(gzread(file, base, UInt32(clamping: buffer.count)))
            var code: Int32 = 0
            if count == 0, gzerror(file, &code) != nil, code != Z_OK, code != Z_STREAM_END {
                count = -1  // a truncated or corrupt gzip stream ends with an error, not a clean end
            }
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
                failure = "the file could not be read: \(message)"
                return -1
            }
        } else {
            return failure == nil ? 0 : -1
        }
        produced += count
        if produced > limit {
            failure = "more than \(limit) bytes once decompressed: refused as a possible decompression bomb"
            return -1
        }
        return count
    }
}

/// Inflates gzip bytes held in memory, chunk by chunk.
private final class Inflater {
    private var stream = z_stream()
    private var input: [UInt8]
    private var ended = false
    private var consumed = 0
    /// The data broke in the last call, after the bytes it produced: the next call says so.
    private var broken = false

    init?(_ data: Data) {
        input = [UInt8](data)
        guard omniaudit_inflate_init(&stream, 15 + 32) == Z_OK else { return nil }
    }

    deinit { inflateEnd(&stream) }

    /// Up to `count` inflated bytes into `base`; 0 at the end, -1 when the data is corrupt or truncated. The bytes
    /// inflated before a break are handed out first, whatever the size of the reads (a reader's first small peek and
    /// a large read see the same bytes).
    func read(_ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
        if broken { return -1 }
        if ended { return 0 }
        let total = input.count
        return input.withUnsafeMutableBufferPointer { buffer -> Int in
            stream.next_in = buffer.baseAddress.map { $0 + consumed }
            stream.avail_in = uInt(buffer.count - consumed)
            stream.next_out = base.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(count)
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            consumed = total - Int(stream.avail_in)
            let produced = count - Int(stream.avail_out)
            if status == Z_STREAM_END { ended = true; return produced }
            if status != Z_OK && !(status == Z_BUF_ERROR && produced > 0) {
                broken = true
                return produced > 0 ? produced : -1
            }
            if produced == 0 && stream.avail_in == 0 { return -1 }
            return produced
        }
    }
}
