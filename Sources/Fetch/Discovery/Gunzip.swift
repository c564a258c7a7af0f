import CZlib
import Foundation

/// Decompresses gzip (and zlib) data with a cap on the output size, so a gzip bomb fails fast.
public enum Gunzip {
    /// True when the data starts with the gzip magic bytes.
    public static func isGzip(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed bytes; throws `tooLarge`-style errors naming `source` when over `limit` or corrupt.
    public static func inflate(_ data: Data, limit: Int, source: String) throws(FetchError) -> Data {
        var stream = z_stream()
        guard omniaudit_inflate_init(&stream, 15 + 32) == Z_OK else {
            throw .unreadable(source, reason: "zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var input = [UInt8](data)
        var status = Z_OK
        var overLimit = false
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = chunkBuffer.count - Int(stream.avail_out)
                    if output.count + produced > limit { overLimit = true; return }
                    if let base = chunkBuffer.baseAddress { output.append(base, count: produced) }
                }
            } while !overLimit && status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if overLimit { throw .decompressedTooLarge(source, limit: limit) }
        guard status == Z_STREAM_END else {
            throw .unreadable(source, reason: "corrupt or truncated gzip data (zlib status \(status))")
        }
        return output
    }
}
