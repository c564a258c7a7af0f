import Foundation

/// Starts `Tests/Support/fault_server.py` on 127.0.0.1 (port 0) and stops it; one server per test.
public final class FaultServer: @unchecked Sendable {
    // Safe: the properties are set once in `init` and `Process` is only stopped from `stop()`.
    let process = Process()
    /// The port the server listens on.
    public let port: Int
    /// `http`, or `https` with a certificate.
    public let scheme: String
    private let stdin = Pipe()

    /// The script's path, found from this file's location.
    public static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fault_server.py").path
    }

    /// Starts a server with `products` product pages, over TLS when a certificate is given.
    public init(products: Int = 6, tls: (cert: String, key: String)? = nil) throws {
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
    public func url(_ path: String) -> String { "\(scheme)://127.0.0.1:\(port)\(path)" }

    /// Stops the server and waits for it (bounded).
    public func stop() {
        if process.isRunning { process.terminate() }
        try? stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    deinit { stop() }
}
