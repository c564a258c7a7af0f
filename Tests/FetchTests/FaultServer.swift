import Fetch
import Foundation
import TestSupport

extension FaultServer {
    /// The server's counters (`hits` per path, `max_sleeping`).
    func stats() throws -> [String: Any] {
        let data = Crawl.one(url("/stats"), settings: Crawl.fast).body
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// Hits of one path.
    func hits(_ path: String) throws -> Int { ((try stats()["hits"] as? [String: Int]) ?? [:])[path] ?? 0 }

}
