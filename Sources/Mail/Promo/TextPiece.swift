/// One piece of text a promo can be read from: the subject, a preheader, or a line of a part, with where it is.
struct TextPiece {
    var text: String
    /// `subject`, `part 1.2 preheader`, `part 1.2 line 14`.
    var locator: String
    var links: [String] = []
    var struck: String = ""
    /// The part it belongs to and its block in that part (0: none); subject and preheaders have no block.
    var part: String = ""
    var block: Int = 0
    /// The table row it sits in (0: none).
    var row: Int = 0

    /// The pieces of a message in reading order: subject, preheaders, then the lines of each part.
    static func pieces(of message: MailMessage, prefix: String) -> [TextPiece] {
        let lead = prefix.isEmpty ? "" : prefix + ", "
        var pieces: [TextPiece] = []
        if !message.subject.isEmpty { pieces.append(TextPiece(text: message.subject, locator: lead + "subject")) }
        for part in message.parts {
            if let preheader = part.preheader {
                pieces.append(TextPiece(text: preheader, locator: lead + "part \(part.path) preheader", part: part.path))
            }
        }
        for part in message.parts {
            for line in part.lines {
                pieces.append(TextPiece(text: line.text, locator: lead + "part \(part.path) line \(line.number)",
                                        links: line.links, struck: line.struck, part: part.path, block: line.block,
                                        row: line.row))
            }
        }
        return pieces
    }
}
