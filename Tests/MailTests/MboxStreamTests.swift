import Foundation
@testable import Mail
import Testing

/// An mbox is read message by message, whatever its size: the messages must be those of the file read at once,
/// whatever the chunks its bytes come in, and one message over the reader's cap is never held whole.
@Suite struct MboxStreamTests {
    static let mbox = "From a@b Mon Nov 16 08:00:00 2026\r\nSubject: one\r\n\r\nbody\r\n>From here\r\n>>From there\r\n\r\n"
        + "From c@d Tue Nov 17 08:00:00 2026\nSubject: two\n\nbody\nFrom the start of a line, not after a blank one\n\n"
        + "From e@f Wed Nov 18 08:00:00 2026\nSubject: three\n\nlast line without a newline"

    @Test func messagesAreTheSameWhateverTheChunks() {
        let bytes = Array(Self.mbox.utf8)
        let whole = MboxStream.split(bytes)
        #expect(whole.count == 3)
        #expect(String(decoding: whole[0], as: UTF8.self) == "Subject: one\r\n\r\nbody\r\nFrom here\r\n>From there\r\n\r\n")
        #expect(String(decoding: whole[1], as: UTF8.self).contains("\nFrom the start of a line"))
        #expect(String(decoding: whole[2], as: UTF8.self).hasSuffix("last line without a newline"))
        for size in 1...9 {
            var messages: [[UInt8]] = []
            var splitter = MboxStream.Splitter { messages.append($0) }
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + size)
                bytes[start..<end].withUnsafeBytes { splitter.feed($0) }
                start = end
            }
            splitter.finish()
            #expect(messages == whole, "chunks of \(size) bytes")
        }
    }

    @Test func aMessageOverTheCapKeepsItsFirstBytesAndTheNextIsRead() throws {
        let line = String(repeating: "x", count: 1_023) + "\n"
        let huge = String(repeating: line, count: MailReader.maxBytes / 1_024 + 64)
        let text = "From a@b Mon Nov 16 08:00:00 2026\nSubject: big\n\n" + huge + "\nFrom c@d Tue Nov 17 08:00:00 2026\nSubject: next\n\nok\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-\(UUID()).mbox")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var entries: [MailEntry] = []
        let problems = MailInputs.each(file.path, shown: "big.mbox") { entries.append($0) }
        #expect(problems.isEmpty)
        #expect(entries.map(\.locator) == ["message 1", "message 2"])
        #expect(entries.first?.bytes.count == MboxStream.maxMessageBytes)  // enough for the reader to say it cut it
        #expect(try MailReader.read(entries[1].bytes).subject == "next")
        let first = try MailReader.read(entries[0].bytes)
        #expect(first.subject == "big")
        #expect(first.notes.contains { $0.contains("MiB") })
    }

    @Test func aFileOfOneMessageIsThatMessageUnlessNamedAsAnMbox() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-mbox-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = "From a@b Mon Nov 16 08:00:00 2026\nSubject: one\n\nbody\n"
        for (name, text) in [("one.eml", one), ("one.mbox", one), ("two.eml", Self.mbox)] {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        func locators(_ name: String) -> [String] { MailInputs.expand(folder.appendingPathComponent(name).path).entries.map(\.locator) }
        #expect(locators("one.eml") == [""])
        #expect(locators("one.mbox") == ["message 1"])
        #expect(locators("two.eml") == ["message 1", "message 2", "message 3"])
    }
}
