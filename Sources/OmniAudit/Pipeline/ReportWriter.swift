import Foundation
import Report

/// Writes the configured report formats into the output folder, each atomically: a temp file created with
/// `O_CREAT|O_EXCL|O_NOFOLLOW` in the same folder (a planted file or symlink is never followed or
/// overwritten), written, flushed, then renamed over the report.
public enum ReportWriter {
    /// Why a report could not be written, naming the path.
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes every format and returns the paths written.
    public static func write(_ report: AuditReport, formats: [String], to folder: String) throws -> [String] {
        try makeFolder(folder)
        var written: [String] = []
        for format in formats {
            guard let reporter = Reporters.reporter(for: format) else { continue }
            let path = (folder as NSString).appendingPathComponent(reporter.fileName)
            if let json = reporter as? JSONReporter {  // streamed: a large catalogue's report is never whole in memory
                try writeAtomically(to: path) { sink in try json.write(report, to: sink) }
            } else {
                let data = try reporter.render(report)
                try writeAtomically(to: path) { sink in try sink(data) }
            }
            written.append(path)
        }
        return written
    }

    /// Creates the folder and its missing parents with mode 0755 minus the user's umask (never
    /// world-writable unless the umask says so).
    static func makeFolder(_ folder: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw WriteError(path: folder, reason: "not a folder") }
            return
        }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try makeFolder(parent) }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw WriteError(path: folder, reason: String(cString: strerror(errno)))
        }
    }

    /// Writes through an exclusive temp file next to `path`, then renames it over `path`; `body` hands the
    /// content to its sink in as many pieces as it likes.
    static func writeAtomically(to path: String, _ body: ((Data) throws -> Void) throws -> Void) throws {
        let pid = ProcessInfo.processInfo.processIdentifier
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<16 {
            temporary = path + ".tmp-\(pid)" + (attempt == 0 ? "" : "-\(UInt32.random(in: 0...UInt32.max))")
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw WriteError(path: temporary, reason: String(cString: strerror(errno))) }
        var buffer = Data()
        buffer.reserveCapacity(1 << 20)
        func flush() throws {
            try buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let count = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
                    offset += count
                }
            }
            buffer.removeAll(keepingCapacity: true)
        }
        var failure: Error?
        do {
            try body { piece in
                buffer += piece
                if buffer.count >= 1 << 20 { try flush() }
            }
            try flush()
            if fsync(descriptor) != 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        } catch {
            failure = error
        }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = WriteError(path: path, reason: String(cString: strerror(errno))) }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }
}
