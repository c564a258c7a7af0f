import Foundation

/// Converts a feed declared in a legacy encoding (`encoding: windows-1250`, `iso-8859-2`, `koi8-r`, `shift_jis` …)
/// to UTF-8 chunk by chunk with iconv; a character cut by a chunk boundary is kept for the next chunk. Bytes that
/// are not valid in the declared encoding become U+FFFD and are counted, never dropped silently.
final class IconvStream {
    private let descriptor: iconv_t
    private var carry: [UInt8] = []
    /// Bytes that were not valid in the declared encoding, and the offset of the first.
    private(set) var invalid = 0
    private(set) var firstInvalidOffset: Int?
    private var offset = 0

    /// The stream for an encoding iconv knows; nil for an unknown name.
    init?(from encoding: String) {
        guard let descriptor = iconv_open("UTF-8", encoding), descriptor != iconv_t(bitPattern: -1) else { return nil }
        self.descriptor = descriptor
    }

    deinit { iconv_close(descriptor) }

    /// True when iconv can read this encoding (config validation).
    static func knows(_ encoding: String) -> Bool { IconvStream(from: encoding) != nil }

    /// The UTF-8 bytes of the chunk (after any bytes carried from the previous one).
    func convert(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var input = carry
        input.append(contentsOf: bytes)
        carry = []
        return transcode(input, final: false)
    }

    /// What is left at the end of the feed; an incomplete last character is invalid.
    func finish() -> [UInt8] {
        let rest = carry
        carry = []
        return transcode(rest, final: true)
    }

    private func transcode(_ input: [UInt8], final: Bool) -> [UInt8] {
        var output: [UInt8] = []
        guard !input.isEmpty else { return output }
        var outputBuffer = [UInt8](repeating: 0, count: max(64, input.count * 4))
        var position = 0
        while position < input.count {
            var inLeft = input.count - position
            var outLeft = outputBuffer.count
            let result: Int = input.withUnsafeBufferPointer { source in
                outputBuffer.withUnsafeMutableBufferPointer { target in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: source.baseAddress! + position)
                        .assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                }
            }
            let failure = result == -1 ? errno : 0
            output.append(contentsOf: outputBuffer[0..<(outputBuffer.count - outLeft)])
            let consumed = (input.count - position) - inLeft
            position += consumed
            offset += consumed
            if failure == 0 { break }
            if failure == E2BIG { continue }
            if failure == EINVAL, !final {  // a character cut by the chunk boundary
                carry = Array(input[position...])
                break
            }
            // EILSEQ (or an incomplete last character): one byte becomes U+FFFD, reading goes on.
            if firstInvalidOffset == nil { firstInvalidOffset = offset }
            invalid += 1
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            position += 1
            offset += 1
        }
        return output
    }
}

/// The encodings a CSV/TSV feed may declare.
public enum FeedEncoding {
    /// True when the name is UTF-8 or an encoding iconv can read (`windows-1250`, `ISO-8859-2`, `KOI8-R` …).
    public static func isKnown(_ name: String) -> Bool { DelimitedReader.isUTF8(name) || IconvStream.knows(name) }
}
