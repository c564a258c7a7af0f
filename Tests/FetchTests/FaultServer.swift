import Fetch
import Foundation

/// Starts `Tests/Support/fault_server.py` on 127.0.0.1 (port 0) and stops it; one server per test.
final class FaultServer: @unchecked Sendable {
    // Safe: the properties are set once in `init` and `Process` is only stopped from `stop()`.
    let process = Process()
    let port: Int
    let scheme: String
    private let stdin = Pipe()

    /// The script's path, found from this file's location.
    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support/fault_server.py").path
    }

    init(products: Int = 6, tls: (cert: String, key: String)? = nil) throws {
        let stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "--products", String(products), "--lifetime", "120"]
            + (tls.map { ["--tls", $0.cert, $0.key] } ?? [])
        scheme = tls == nil ? "http" : "https"
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        var line = Data()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let byte = stdout.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    /// An absolute URL on the server.
    func url(_ path: String) -> String { "\(scheme)://127.0.0.1:\(port)\(path)" }

    /// The server's counters (`hits` per path, `max_sleeping`).
    func stats() throws -> [String: Any] {
        let data = Crawl.one(url("/stats"), settings: Crawl.fast).body
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// Hits of one path.
    func hits(_ path: String) throws -> Int { ((try stats()["hits"] as? [String: Int]) ?? [:])[path] ?? 0 }

    /// Stops the server and waits for it (bounded).
    func stop() {
        if process.isRunning { process.terminate() }
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}
