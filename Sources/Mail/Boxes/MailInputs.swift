import Foundation

/// One message to read from a local mailbox: its source (the file), where in it (`message 3` of an mbox, empty
/// for a file that is one message), and its bytes.
public struct MailEntry: Sendable {
    /// The file.
    public var source: String
    /// `message N` in an mbox, empty for a single-message file.
    public var locator: String
    /// The raw message.
    public var bytes: [UInt8]

    /// Creates an entry.
    public init(source: String, locator: String, bytes: [UInt8]) {
        self.source = source
        self.locator = locator
        self.bytes = bytes
    }
}

/// Expands local mail inputs: an `.eml` file, an mbox file (starts with `From `), a Maildir (`cur/` and `new/`)
/// or a folder of `.eml` files (searched recursively, in name order). Unreadable inputs become problems.
public enum MailInputs {
    /// Single-message files larger than this are refused (an mbox is streamed, whatever its size).
    public static let maxFileBytes = 512 << 20

    /// Every message under `path`, in a stable order; inputs that cannot be read come back as problems
    /// (`(source, reason)`). Holds every message: `each(_:shown:_:)` hands them over one at a time.
    public static func expand(_ path: String, shown: String? = nil) -> (entries: [MailEntry], problems: [(String, String)]) {
        var entries: [MailEntry] = []
        let problems = each(path, shown: shown) { entries.append($0) }
        return (entries, problems)
    }

    /// Hands every message under `path` to `each` as it is read, in a stable order: an mbox is read message by
    /// message, whatever its size, so memory holds one message. Returns the inputs that cannot be read
    /// (`(source, reason)`).
    public static func each(_ path: String, shown: String? = nil, _ each: (MailEntry) -> Void) -> [(String, String)] {
        let display = shown ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return [(display, "no such file or folder")]
        }
        if isDirectory.boolValue {
            return folder(path, shown: display, each)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return [(display, "cannot read the file")] }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 5)) ?? Data()
        if head.elementsEqual("From ".utf8) {
            // An mbox, streamed; a file holding one message is that message, unless named as an mbox.
            try? handle.seek(toOffset: 0)
            let named = path.hasSuffix(".mbox") || path.hasSuffix(".mbx")
            var held: [UInt8]? = nil
            var count = 0
            let failure = MboxStream.read(handle) { message in
                count += 1
                if count == 1 && !named {
                    held = message  // one message or the first of several: known at the second
                    return
                }
                if let first = held {
                    each(MailEntry(source: display, locator: "message 1", bytes: first))
                    held = nil
                }
                each(MailEntry(source: display, locator: "message \(count)", bytes: message))
            }
            if let held { each(MailEntry(source: display, locator: "", bytes: held)) }
            return failure.map { [(display, $0)] } ?? []
        }
        try? handle.seek(toOffset: 0)
        guard let data = try? handle.readToEnd() ?? Data() else { return [(display, "cannot read the file")] }
        guard data.count <= maxFileBytes else { return [(display, "larger than \(maxFileBytes >> 20) MB")] }
        each(MailEntry(source: display, locator: "", bytes: [UInt8](data)))
        return []
    }

    private static func folder(_ path: String, shown: String, _ each: (MailEntry) -> Void) -> [(String, String)] {
        let manager = FileManager.default
        let base = URL(fileURLWithPath: path)
        let isMaildir = ["cur", "new"].allSatisfy { sub in
            var flag: ObjCBool = false
            return manager.fileExists(atPath: base.appendingPathComponent(sub).path, isDirectory: &flag) && flag.boolValue
        }
        var files: [String] = []
        if isMaildir {
            for sub in ["cur", "new"] {
                let names = (try? manager.contentsOfDirectory(atPath: base.appendingPathComponent(sub).path)) ?? []
                files += names.filter { !$0.hasPrefix(".") }.sorted().map { "\(sub)/\($0)" }
            }
        } else if let walker = manager.enumerator(atPath: path) {
            while let name = walker.nextObject() as? String {
                let lower = name.lowercased()
                if lower.hasSuffix(".eml") || lower.hasSuffix(".mbox") { files.append(name) }
            }
            files.sort()
        }
        var problems: [(String, String)] = []
        for name in files {
            let full = base.appendingPathComponent(name).path
            let display = shown.hasSuffix("/") ? shown + name : shown + "/" + name
            problems += Self.each(full, shown: display, each)
        }
        return problems
    }
}
