import AuditModel
import Extract
import Fetch
import Foundation

/// Page bytes as stored: saved pages may be gzip-compressed (`.html.gz`); they are inflated with a size cap
/// before extraction, and a corrupt or oversized file is a problem naming the input, not a crash.
enum PageBody {
    /// The largest inflated page accepted.
    static let maxInflatedBytes = 64 << 20

    /// Extracts a page; `contentType` is the HTTP header, whose charset wins over the page's own declarations.
    static func extract(_ body: Data, source: String, contentType: String? = nil, with extractor: PageExtractor) -> PageExtraction {
        guard Gunzip.isGzip(body) else { return extractor.extract(body, source: source, contentType: contentType) }
        do {
            return extractor.extract(try Gunzip.inflate(body, limit: maxInflatedBytes, source: source), source: source,
                                     contentType: contentType)
        } catch {
            return PageExtraction(observations: [], problems: [Problem(source: source, message: error.reason)], canonicalURL: nil)
        }
    }
}
