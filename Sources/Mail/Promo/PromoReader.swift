import AuditModel
import Foundation

/// Reads promo messages from local inputs into one document: per message its promos, and a problem for every
/// message or input that could not be read (naming the file, the message in it and the reason), never a crash.
public struct PromoReader: Sendable {
    /// The extractor with the shop's currency, locale, time zone and clock.
    public var extractor: PromoExtractor

    /// Creates a reader.
    public init(extractor: PromoExtractor) { self.extractor = extractor }

    /// What was read: `{"messages": […], "problems": […]}`.
    public struct Document: Codable, Sendable {
        /// One record per message read, in input order.
        public var messages: [MessagePromos] = []
        /// Inputs and messages that could not be read.
        public var problems: [Problem] = []

        /// Creates an empty document.
        public init() {}

        /// Sorted keys, indented, dates in ISO 8601.
        public func json() -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            return ((try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
        }
    }

    /// Reads one message's bytes; a message that cannot be read is a problem, and so is each part of it that could
    /// not be read (a body that does not decode, nesting too deep, a message cut at the size cap): a promo in it
    /// would otherwise be missed without a trace.
    public func message(_ entry: MailEntry, into document: inout Document) {
        do {
            let message = try MailReader.read(entry.bytes)
            document.messages.append(extractor.extract(message, source: entry.source, locator: entry.locator))
            document.problems += message.notes.map { Problem(source: entry.source, position: entry.locator, message: $0) }
        } catch {
            document.problems.append(Problem(source: entry.source, position: entry.locator, message: error.reason))
        }
    }

    /// Reads e-mail inputs: `.eml` files, mbox files, Maildirs, folders.
    public func email(_ paths: [(path: String, shown: String)]) -> Document {
        var document = Document()
        for (path, shown) in paths {
            let problems = MailInputs.each(path, shown: shown) { message($0, into: &document) }  // one message at a time
            document.problems += problems.map { Problem(source: $0.0, message: $0.1) }
        }
        return document
    }

    /// Reads SMS exports (CSV or one message per line).
    public func sms(_ paths: [(path: String, shown: String)]) -> Document {
        var document = Document()
        for (path, shown) in paths {
            // Read whole, so refused past the size a single mail file may have (a campaign export is far smaller).
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            if let size, size > MailInputs.maxFileBytes {
                document.problems.append(Problem(source: shown, message: "larger than \(MailInputs.maxFileBytes >> 20) MB: not read"))
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                document.problems.append(Problem(source: shown, message: "cannot read the file"))
                continue
            }
            let text = String(data: data, encoding: .utf8) ?? Charsets.decode([UInt8](data), label: nil).text
            let (messages, problems) = SMSExport.read(text, timeZone: extractor.timeZone)
            document.problems += problems.map { Problem(source: shown, position: $0.0, message: $0.1) }
            for sms in messages {
                let sent = sms.sent.map { Observed($0, Evidence(source: shown, locator: sms.locator + ", timestamp", raw: sms.sentRaw ?? "")) }
                document.messages.append(extractor.extract(sms: sms.text, sent: sent, sender: sms.sender, source: shown,
                                                           locator: sms.locator))
            }
        }
        return document
    }
}
