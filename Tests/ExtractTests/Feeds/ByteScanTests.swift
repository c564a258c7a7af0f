import Testing

@testable import Extract

/// The eight-bytes-at-a-time scan finds the byte a loop over every byte finds, wherever it is in the word.
@Suite struct ByteScanTests {
    /// Every byte value in every position of texts of 0 to 40 bytes: the scan stops where a byte-by-byte loop stops.
    @Test func findsTheFirstMatchingByteAsALoopDoes() {
        var random = DelimitedBatchTests.Generator(state: 77)
        let scans: [(ByteScan, Set<UInt8>)] = [
            (ByteScan(0x2C, 0x0A, 0x0D, 0x22), [0x2C, 0x0A, 0x0D, 0x22]),
            (ByteScan(0x09, 0x0A, 0x0D, 0x22), [0x09, 0x0A, 0x0D, 0x22]),
            (ByteScan(0x22, 0x0A), [0x22, 0x0A]),
            (ByteScan(0x3B, 0x0A), [0x3B, 0x0A]),
        ]
        // Bytes next to the values (0x21, 0x23, 0x0B, 0x01, 0x00, 0xFF…) are where a wrong mask would match.
        let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0B, 0x0D, 0x21, 0x22, 0x23, 0x2B, 0x2C, 0x2D, 0x3B, 0x41, 0x7F, 0x80, 0xAC, 0xFF]
        for _ in 0..<5_000 {
            let count = random.next(41)
            let bytes = (0..<count).map { _ in alphabet[random.next(alphabet.count)] }
            let start = count == 0 ? 0 : random.next(count + 1)
            for (scan, values) in scans {
                let expected = bytes[start...].firstIndex { values.contains($0) } ?? count
                let found = bytes.withUnsafeBufferPointer { scan.first($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: start, to: count) }
                #expect(found == expected, "\(bytes) from \(start)")
            }
        }
    }
}
