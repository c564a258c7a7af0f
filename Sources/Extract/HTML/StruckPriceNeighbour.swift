import AuditModel
import CLibXML2
import Normalize

/// Pages that put no class on their prices (old table layouts, marketplaces): the current price is read beside
/// the struck-through list price after the title. The first `del` / `s` / `strike` after the `h1` that reads as
/// a price is the list price; the current price is the first bare amount after it, within the next elements,
/// below it and above a fifth of it (a quantity, a rating or a "7 折" discount figure is not), not followed by a
/// discount mark (`%`, `折`, `off`).
enum StruckPriceNeighbour {
    /// How many elements after the struck price are looked at.
    static let reach = 40

    static func claims(after h1: Node, tree: MarkupTree, reader: PriceBlockReader) -> [PriceClaim] {
        guard let root = tree.rootElement else { return [] }
        var current = PageScan.next(after: h1.pointer, descend: false, root: root.pointer)
        var seen = 0
        var list: PriceClaim?
        var afterList = 0
        while let pointer = current, seen < 4000 {
            seen += 1
            let node = h1.related(pointer)
            let skip = node.named("script") || node.named("style") || PriceBlockReader.isHidden(node)
            if !skip {
                if let struck = list {
                    afterList += 1
                    if afterList > reach { return [] }
                    if node.elements.isEmpty, let claim = bareAmount(node, reader: reader), claim.price.value.currency == struck.price.value.currency,
                        claim.price.value.amount < struck.price.value.amount, claim.price.value.amount * 5 > struck.price.value.amount {
                        return [claim, struck]
                    }
                } else if node.named("del") || node.named("s") || node.named("strike"), let claim = reader.claim(node, role: .list) {
                    list = claim
                }
            }
            current = PageScan.next(after: pointer, descend: !skip, root: root.pointer)
        }
        return []
    }

    /// A leaf whose text is one amount, not followed by a discount mark, read as the current price.
    private static func bareAmount(_ node: Node, reader: PriceBlockReader) -> PriceClaim? {
        let text = node.collapsedText
        guard !text.isEmpty, text.count <= 24, text.contains(where: \.isNumber) else { return nil }
        if let after = node.pointer.pointee.next, after.pointee.type == XML_TEXT_NODE, let content = after.pointee.content {
            let following = String(cString: content).trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            if following.hasPrefix("%") || following.hasPrefix("折") || following.hasPrefix("off") { return nil }
        }
        if text.hasSuffix("%") || text.hasSuffix("折") { return nil }
        return reader.claim(node, role: .current)
    }
}
