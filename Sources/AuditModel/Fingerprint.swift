/// A stable 64-bit FNV-1a hash, hex encoded: the same parts give the same fingerprint on every machine and run.
public enum Fingerprint {
    /// Hashes the parts, separated so that `["ab", "c"]` and `["a", "bc"]` differ.
    public static func make(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            hash ^= 0x1f
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
