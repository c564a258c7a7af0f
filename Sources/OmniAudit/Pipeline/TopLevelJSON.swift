import Foundation

/// Reads the values of a few top-level members of a JSON object from a file, chunk by chunk, keeping only their
/// bytes: a previous report's findings are a few kilobytes at the front of a file that can be gigabytes of products
/// (1.6 GB for a million), which decoding whole would need many times over in memory.
///
/// Only the structure is scanned (strings, escapes, nesting); the values found are decoded by the caller, which
/// reports what is malformed in them. Text outside strings is not validated.
struct TopLevelJSON {
    /// The raw JSON text of each wanted member found (the last one, if a member repeats).
    private(set) var values: [String: Data] = [:]
    /// False when the file does not begin with an object.
    private(set) var isObject = false

    private let wanted: Set<String>
    private var depth = 0
    private var inString = false
    private var escaped = false
    private enum Expect { case key, colon, value }
    private var expect = Expect.key
    private var key: [UInt8] = []
    private var readingKey = false
    private var capturing: String?
    private var captured = Data()
    private var started = false

    /// Reads `path`; throws when it cannot be read.
    static func read(_ path: String, members: Set<String>) throws -> TopLevelJSON {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var scanner = TopLevelJSON(wanted: members)
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { scanner.scan(UnsafeRawBufferPointer($0)) }
        }
        return scanner
    }

    init(wanted: Set<String>) { self.wanted = wanted }

    /// Scans the next bytes.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        if started && !isObject { return }
        var runStart = 0  // where the bytes being captured begin in this chunk
        for (index, byte) in bytes.enumerated() {
            if !started {
                if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0xEF || byte == 0xBB || byte == 0xBF { continue }
                started = true
                isObject = byte == 0x7B
                if !isObject { return }
            }
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                if readingKey {
                    if inString { key.append(byte) } else { readingKey = false; expect = .colon }
                }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                if depth == 1 && expect == .key { readingKey = true; key.removeAll(keepingCapacity: true) }
            case 0x7B, 0x5B:
                depth += 1
            case 0x7D, 0x5D:
                if depth == 1, let name = capturing {  // the object ends after the captured value
                    finish(name, bytes, from: runStart, to: index)
                }
                depth -= 1
            case 0x3A where depth == 1 && expect == .colon:
                expect = .value
                let name = String(decoding: key, as: UTF8.self)
                if wanted.contains(name) {
                    capturing = name
                    captured = Data()
                    runStart = index + 1
                }
            case 0x2C where depth == 1:
                if let name = capturing { finish(name, bytes, from: runStart, to: index) }
                expect = .key
            default:
                break
            }
        }
        if capturing != nil, runStart < bytes.count {
            captured.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    private mutating func finish(_ name: String, _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) {
        if start < end { captured.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end])) }
        values[name] = captured
        capturing = nil
        captured = Data()
    }
}
