import Foundation

/// The mbox format (mboxrd/mboxo), read message by message: messages are separated by `From ` lines after a blank
/// line (or at the start); `>From ` (with any number of `>`) loses one `>`.
enum MboxStream {
    /// The most bytes kept of one message: the reader cuts a message at `MailReader.maxBytes` and says so, so the
    /// rest of a larger one is skipped while reading, never held.
    static let maxMessageBytes = MailReader.maxBytes + 1

    /// Reads `handle` in chunks, handing each message to `each` once its end is known; returns why reading failed,
    /// nil at a normal end.
    static func read(_ handle: FileHandle, each: ([UInt8]) -> Void) -> String? {
        withoutActuallyEscaping(each) { each in
            var splitter = Splitter(each: each)
            defer { splitter.finish() }
            do {
                while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    chunk.withUnsafeBytes { splitter.feed(UnsafeRawBufferPointer($0)) }
                }
            } catch {
                return "the file could not be read: \(error.localizedDescription)"
            }
            return nil
        }
    }

    /// The messages of an mbox held in memory.
    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        var splitter = Splitter { messages.append($0) }
        bytes.withUnsafeBytes { splitter.feed($0) }
        splitter.finish()
        return messages
    }

    /// Splits bytes fed in any chunks into lines, and lines into messages.
    struct Splitter {
        let each: ([UInt8]) -> Void
        private var line: [UInt8] = []
        private var current: [UInt8] = []
        private var previousBlank = true
        private var started = false

        init(each: @escaping ([UInt8]) -> Void) { self.each = each }

        mutating func feed(_ bytes: UnsafeRawBufferPointer) {
            var start = 0
            while start < bytes.count {
                guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                    keep(bytes[start...])
                    return
                }
                keep(bytes[start...newline])
                endLine()
                start = newline + 1
            }
        }

        mutating func finish() {
            if !line.isEmpty { endLine() }
            if started || !current.isEmpty { each(current) }
            current = []
        }

        /// Part of a line. A line longer than a message is kept to its first bytes: enough to tell a `From ` line
        /// and to fill the message to its cap.
        private mutating func keep(_ bytes: Slice<UnsafeRawBufferPointer>) {
            let room = MboxStream.maxMessageBytes - line.count
            if room > 0 { line.append(contentsOf: bytes.prefix(room)) }
        }

        private mutating func endLine() {
            defer {
                previousBlank = line.allSatisfy { $0 == 0x0A || $0 == 0x0D }
                line.removeAll(keepingCapacity: true)
            }
            if previousBlank, line.starts(with: "From ".utf8) {
                if started { each(current) }
                started = true
                current = []
                return
            }
            var content = line[...]
            if line.first == 0x3E, line.drop(while: { $0 == 0x3E }).starts(with: "From ".utf8) { content = content.dropFirst() }
            let room = MboxStream.maxMessageBytes - current.count
            if room > 0 { current.append(contentsOf: content.prefix(room)) }
        }
    }
}
