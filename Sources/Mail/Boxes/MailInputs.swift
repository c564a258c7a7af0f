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
    /// Files larger than this are refused (an mbox of a whole campaign history is far smaller).
    public static let maxFileBytes = 512 << 20

    /// Every message under `path`, in a stable order; inputs that cannot be read come back as problems
    /// (`(source, reason)`).
    public static func expand(_ path: String, shown: String? = nil) -> (entries: [MailEntry], problems: [(String, String)]) {
        let display = shown ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return ([], [(display, "no such file or folder")])
        }
        if isDirectory.boolValue {
            return folder(path, shown: display)
        }
        guard let data = FileManager.default.contents(atPath: path) else { return ([], [(display, "cannot read the file")]) }
        guard data.count <= maxFileBytes else { return ([], [(display, "larger than \(maxFileBytes >> 20) MB")]) }
        let bytes = [UInt8](data)
        if Mbox.looksLikeMbox(bytes) {
            let messages = Mbox.split(bytes)
            if messages.count > 1 || path.hasSuffix(".mbox") || path.hasSuffix(".mbx") {
                return (messages.enumerated().map { MailEntry(source: display, locator: "message \($0.offset + 1)", bytes: $0.element) }, [])
            }
        }
        return ([MailEntry(source: display, locator: "", bytes: bytes)], [])
    }

    private static func folder(_ path: String, shown: String) -> (entries: [MailEntry], problems: [(String, String)]) {
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
        var entries: [MailEntry] = []
        var problems: [(String, String)] = []
        for name in files {
            let full = base.appendingPathComponent(name).path
            let display = shown.hasSuffix("/") ? shown + name : shown + "/" + name
            let (found, failed) = expand(full, shown: display)
            entries += found
            problems += failed
        }
        return (entries, problems)
    }
}

/// The mbox format (mboxrd/mboxo): messages separated by `From ` lines after a blank line; `>From ` is unescaped.
enum Mbox {
    static func looksLikeMbox(_ bytes: [UInt8]) -> Bool {
        bytes.count > 5 && bytes[0..<5].elementsEqual("From ".utf8)
    }

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        var current: [UInt8] = []
        var lineStart = 0
        var previousBlank = true
        var first = true
        while lineStart < bytes.count {
            let end = bytes[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            let line = bytes[lineStart..<end]
            if previousBlank, line.starts(with: "From ".utf8) {
                if !first { messages.append(current) }
                first = false
                current = []
            } else if line.starts(with: ">From ".utf8) || (line.first == 0x3E && line.drop { $0 == 0x3E }.starts(with: "From ".utf8)) {
                current += line.dropFirst()
            } else {
                current += line
            }
            previousBlank = line.allSatisfy { $0 == 0x0A || $0 == 0x0D }
            lineStart = end
        }
        if !first || !current.isEmpty { messages.append(current) }
        return messages
    }
}
