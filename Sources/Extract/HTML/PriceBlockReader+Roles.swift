/// The class words that say whether a price is the list or the current one, camel-case ones split.
extension PriceBlockReader {
    /// `tokens` and the words inside camel-case ones (`prd_price__oldAmount`, `reducedPriceAmount` → old, amount,
    /// reduced, price): what says whether a price is the list or the current one.
    static func roleTokens(_ node: Node) -> Set<String> {
        var words = tokens(node)
        let raw = [node.attribute("class"), node.attribute("id"), node.attribute("itemprop"), node.attribute("data-price-type")]
        for value in raw.compactMap({ $0 }) {
            var word = ""
            var previousLower = false
            for character in value {
                guard character.isLetter || character.isNumber else {
                    if !word.isEmpty { words.insert(word.lowercased()) }
                    word = ""
                    previousLower = false
                    continue
                }
                if character.isUppercase, previousLower, !word.isEmpty {
                    words.insert(word.lowercased())
                    word = ""
                }
                word.append(character)
                previousLower = character.isLowercase
            }
            if !word.isEmpty { words.insert(word.lowercased()) }
        }
        return words
    }
}
