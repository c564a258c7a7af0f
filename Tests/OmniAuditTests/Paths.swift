import Foundation

/// Locations in the repository and of the built CLI, for tests.
enum Paths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func repo(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The `omniaudit` executable built beside the test bundle.
    static var cli: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("omniaudit").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return repo(".build/debug/omniaudit")
    }

    /// Runs the CLI, stdin read from the file `input` if given; returns exit status, stdout and stderr.
    static func run(_ arguments: [String], in directory: String = root.path, input: String? = nil,
                    environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String)
    {
        let process = Process()
        var variables = ProcessInfo.processInfo.environment
        variables["GITHUB_ACTIONS"] = nil
        variables["GITHUB_STEP_SUMMARY"] = nil
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        if let input { process.standardInput = FileHandle(forReadingAtPath: input) }
        process.executableURL = URL(fileURLWithPath: cli)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "omniaudit-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The number of findings the demo shop plants (`fixtures/demo-shop/expected-findings.json`).
    static var demoFindings: Int {
        let data = (try? Data(contentsOf: URL(fileURLWithPath: repo("fixtures/demo-shop/expected-findings.json")))) ?? Data()
        return ((try? JSONSerialization.jsonObject(with: data)) as? [Any])?.count ?? -1
    }
}
