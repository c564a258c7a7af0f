import Foundation

/// Starts `Tests/Support/fault_server.py` on 127.0.0.1 (port 0) and stops it; one server per test.
public final class FaultServer: @unchecked Sendable {
    // Safe: the properties are set once in `init` and `Process` is only stopped from `stop()`.
    let process = Process()
    /// The port the server listens on.
    public let port: Int
    /// `http`, or `https` with a certificate.
    public let scheme: String
    /// The loopback address it listens on (`127.0.0.1`, or e.g. `127.0.0.2` for a second host).
    public let host: String
    private let stdin = Pipe()

    /// The script's path, found from this file's location.
    public static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fault_server.py").path
    }

    /// Starts a server with `products` product pages, over TLS when a certificate is given.
    public init(products: Int = 6, tls: (cert: String, key: String)? = nil, host: String = "127.0.0.1") throws {
        let stdout = Pipe()
        let log = NSTemporaryDirectory() + "omniaudit-fault-\(UUID().uuidString).jsonl"
        self.log = log
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "--products", String(products), "--lifetime", "120", "--host", host, "--log", log]
            + (tls.map { ["--tls", $0.cert, $0.key] } ?? [])
        scheme = tls == nil ? "http" : "https"
        self.host = host
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
    public func url(_ path: String) -> String { "\(scheme)://\(host):\(port)\(path)" }

    /// The origin, `scheme://host:port`.
    public var base: String { "\(scheme)://\(host):\(port)" }

    /// The file the server appends every request to (JSON lines: path, headers).
    public let log: String

    /// Every request the server received so far: path and lower-cased headers.
    public func received() throws -> [(path: String, headers: [String: String])] {
        guard let data = FileManager.default.contents(atPath: log) else { return [] }
        return try data.split(separator: UInt8(ascii: "\n")).map { line in
            let item = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
            return (item["path"] as? String ?? "", item["headers"] as? [String: String] ?? [:])
        }
    }

    /// The raw request log (every byte the server saw in paths and headers).
    public func receivedText() -> String {
        String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
    }

    /// Stops the server and waits for it (bounded).
    public func stop() {
        if process.isRunning { process.terminate() }
        try? stdin.fileHandleForWriting.close()
        defer { try? FileManager.default.removeItem(atPath: log) }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}
