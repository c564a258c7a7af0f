import Foundation

/// One e-mail as read: decoded headers and the text of its readable parts, each line numbered, so that every
/// extracted value can name the part and line it came from.
public struct MailMessage: Sendable, Hashable {
    /// The decoded `Subject` (RFC 2047 words and raw 8-bit bytes turned into text), empty when missing.
    public var subject: String
    /// The decoded `From` header, empty when missing.
    public var from: String
    /// The `Date` header as an instant, nil when missing or unreadable.
    public var date: Date?
    /// The `Date` header as written.
    public var dateRaw: String?
    /// The readable text parts in document order (for an alternative, only the richest one).
    public var parts: [MailTextPart]
    /// JSON-LD blocks found in HTML parts (Gmail Promotions annotations), with their part.
    public var jsonLD: [(part: String, text: String)]
    /// Parts that could not be decoded (a truncated body, an unknown charset), each with the reason.
    public var notes: [String]

    /// Creates a message.
    public init(subject: String = "", from: String = "", date: Date? = nil, dateRaw: String? = nil,
                parts: [MailTextPart] = [], jsonLD: [(part: String, text: String)] = [], notes: [String] = []) {
        self.subject = subject
        self.from = from
        self.date = date
        self.dateRaw = dateRaw
        self.parts = parts
        self.jsonLD = jsonLD
        self.notes = notes
    }

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.subject == rhs.subject && lhs.from == rhs.from && lhs.date == rhs.date && lhs.parts == rhs.parts
            && lhs.jsonLD.map(\.text) == rhs.jsonLD.map(\.text) && lhs.notes == rhs.notes
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(subject)
        hasher.combine(parts)
    }
}

/// The text of one MIME part, as lines.
public struct MailTextPart: Sendable, Hashable {
    /// The IMAP-style part number (`1`, `1.2`, `2.1.1`).
    public var path: String
    /// `text/plain` or `text/html`.
    public var contentType: String
    /// The visible lines (HTML: block by block, hidden preheader left out).
    public var lines: [MailLine]
    /// The hidden preheader of an HTML part (shown by mail clients beside the subject), nil when none.
    public var preheader: String?

    /// Creates a part.
    public init(path: String, contentType: String, lines: [MailLine], preheader: String? = nil) {
        self.path = path
        self.contentType = contentType
        self.lines = lines
        self.preheader = preheader
    }
}

/// One line of text with the link targets in it.
public struct MailLine: Sendable, Hashable {
    /// 1-based line number within the part.
    public var number: Int
    /// The text, whitespace collapsed.
    public var text: String
    /// Link targets (`href`) of anchors on this line, as written.
    public var links: [String]
    /// Text shown struck through on this line (a former price), empty when none.
    public var struck: String
    /// An id shared by lines of the same table cell or list item (the block a product card sits in), 0 for none.
    public var block: Int
    /// An id shared by the lines of one table row (a cart line: the product's link in one cell, its price in
    /// another), 0 outside tables.
    public var row: Int = 0

    /// Creates a line.
    public init(number: Int, text: String, links: [String] = [], struck: String = "", block: Int = 0) {
        self.number = number
        self.text = text
        self.links = links
        self.struck = struck
        self.block = block
    }
}

/// Why a message could not be read at all.
public struct MailReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One sentence.
    public var reason: String
    /// Creates an error.
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
