import Foundation
@testable import Mail

/// The repository's `fixtures/emails` folder.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/emails")

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    static func message(_ relative: String) throws -> MailMessage {
        try MailReader.read(bytes(relative))
    }

    /// All text of a message, lines joined.
    static func text(_ message: MailMessage) -> String {
        message.parts.flatMap { $0.lines.map(\.text) }.joined(separator: "\n")
    }

    static let italian = PromoExtractor(defaultCurrency: "EUR", locale: "it-IT", timeZone: TimeZone(identifier: "Europe/Rome")!,
                                        reference: Date(timeIntervalSince1970: 1_790_000_000))

    static func promos(_ relative: String, extractor: PromoExtractor = italian) throws -> MessagePromos {
        extractor.extract(try message(relative), source: relative, locator: "")
    }

    static func iso(_ date: Date?) -> String? {
        date.map { ISO8601DateFormatter().string(from: $0) }
    }
}
