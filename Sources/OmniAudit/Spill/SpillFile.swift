import Foundation

/// Why an audit could not keep its observations on disk (`--spill-dir`): the folder and the reason.
public struct SpillError: Error, CustomStringConvertible, Sendable {
    /// The spill folder.
    public var directory: String
    /// What failed, in a few words.
    public var reason: String
    public var description: String { "cannot spill observations to \(directory): \(reason)" }

    /// Creates the error.
    public init(directory: String, reason: String) {
        self.directory = directory
        self.reason = reason
    }
}

/// A temporary file of byte strings appended one after the other and read back by their number. The file is
/// unlinked as soon as it is created: its folder never shows it, and the space comes back when the audit ends,
/// however it ends (even killed). Appends are buffered; only the offsets stay in memory (8 bytes an entry).
/// Safe to share between threads.
final class SpillFile: @unchecked Sendable {  // every mutable field is touched under `lock`
    let directory: String
    private let descriptor: Int32
    private var offsets: [UInt64] = [0]
    private var buffer = Data()
    private var flushed: UInt64 = 0
    private let lock = NSLock()
    /// The first write or read error; later calls do nothing and the audit reports it.
    private(set) var failure: SpillError?

    /// Creates the file in `directory` (which must exist) and unlinks it at once.
    init(directory: String) throws(SpillError) {
        self.directory = directory
        var template = Array((directory as NSString).appendingPathComponent("omniaudit-spill-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw SpillError(directory: directory, reason: String(cString: strerror(errno))) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        unlink(path)
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close(descriptor) }

    /// The number of entries appended.
    var count: Int { lock.withLock { offsets.count - 1 } }

    /// Appends an entry and returns its number.
    @discardableResult
    func append(_ data: Data) -> Int {
        lock.withLock {
            buffer += data
            offsets.append(offsets[offsets.count - 1] + UInt64(data.count))
            if buffer.count >= 1 << 20 { flush() }
            return offsets.count - 2
        }
    }

    /// The entry with this number (empty after a failure).
    func read(_ index: Int) -> Data {
        lock.withLock {
            let start = offsets[index], end = offsets[index + 1]
            if end > flushed { flush() }
            guard failure == nil else { return Data() }
            var data = Data(count: Int(end - start))
            let done = data.withUnsafeMutableBytes { raw in
                Self.whole(raw.count) { pread(descriptor, raw.baseAddress! + $0, raw.count - $0, off_t(start) + off_t($0)) }
            }
            if !done { fail("cannot read back: \(errno == 0 ? "short file" : String(cString: strerror(errno)))") }
            return data
        }
    }

    /// Calls `step` with the offset reached until `count` bytes are transferred (a `pread`/`pwrite`), again after
    /// an interruption; false when it fails or reaches the end of the file first.
    private static func whole(_ count: Int, _ step: (Int) -> Int) -> Bool {
        var offset = 0
        while offset < count {
            let done = step(offset)
            if done < 0 && errno == EINTR { continue }
            guard done > 0 else { return false }
            offset += done
        }
        return true
    }

    private func flush() {  // under lock
        guard failure == nil else { return buffer.removeAll(keepingCapacity: true) }
        let ok = buffer.withUnsafeBytes { raw in
            Self.whole(raw.count) { pwrite(descriptor, raw.baseAddress! + $0, raw.count - $0, off_t(flushed) + off_t($0)) }
        }
        if ok { flushed += UInt64(buffer.count) } else { fail(String(cString: strerror(errno))) }
        buffer.removeAll(keepingCapacity: true)
    }

    private func fail(_ reason: String) {
        if failure == nil { failure = SpillError(directory: directory, reason: reason) }
    }
}

/// Values of one Codable type kept in a `SpillFile`, encoded as JSON.
final class SpilledValues<Value: Codable>: @unchecked Sendable {  // the coders and `kept` are used under `lock`
    let file: SpillFile
    /// How many values stay in memory before the others go to the file: an audit of a small shop never pays
    /// for encoding and decoding, a large catalogue's memory is bounded all the same.
    let keep: Int
    private var kept: [Value] = []
    private let encoder = JSONEncoder()
    private let decoder = JSONDecoder()
    private let lock = NSLock()

    init(_ file: SpillFile, keep: Int = Audit.defaultKeptInMemory) {
        self.file = file
        self.keep = max(0, keep)
    }

    /// Appends a value and returns its number: the first `keep` values are numbered as kept, the others after them
    /// in the order they reach the file.
    @discardableResult
    func append(_ value: Value) -> Int {
        let slot: (index: Int, data: Data?) = lock.withLock {
            if kept.count < keep {
                kept.append(value)
                return (kept.count - 1, nil)
            }
            return (0, (try? encoder.encode(value)) ?? Data())
        }
        guard let data = slot.data else { return slot.index }
        return keep + file.append(data)
    }

    /// The values appended so far, kept and written.
    var count: Int { lock.withLock { kept.count } + file.count }

    /// The value with this number; nil after a spill failure.
    func value(at index: Int) -> Value? {
        if index < keep { return lock.withLock { index < kept.count ? kept[index] : nil } }
        let data = file.read(index - keep)
        return lock.withLock { try? decoder.decode(Value.self, from: data) }
    }
}
