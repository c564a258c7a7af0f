import Foundation

/// The matching form of a product name, the last-resort identity key (`match: [..., title]`): Unicode NFKC,
/// case and diacritics folded, Arabic-Indic and Extended Arabic-Indic digits as Latin digits, punctuation and
/// symbols removed, runs of spaces collapsed. `Tazzina «Caffè» — 6 pz.` and `tazzina caffe 6 pz` are one key.
public enum TitleKey {
    /// The key of a title; empty when nothing but punctuation is left.
    public static func normalize(_ title: String) -> String {
        let folded = title.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var scalars = String.UnicodeScalarView()
        var space = true
        for scalar in folded.unicodeScalars {
            var scalar = scalar
            switch scalar.value {
            case 0x0660...0x0669: scalar = Unicode.Scalar(scalar.value - 0x0660 + 0x30) ?? scalar
            case 0x06F0...0x06F9: scalar = Unicode.Scalar(scalar.value - 0x06F0 + 0x30) ?? scalar
            default: break
            }
            if CharacterSet.alphanumerics.contains(scalar) && !CharacterSet.nonBaseCharacters.contains(scalar) {
                scalars.append(scalar)
                space = false
            } else if !space && !CharacterSet.nonBaseCharacters.contains(scalar) {
                scalars.append(" ")
                space = true
            }
        }
        return String(scalars).trimmingCharacters(in: .whitespaces)
    }
}
