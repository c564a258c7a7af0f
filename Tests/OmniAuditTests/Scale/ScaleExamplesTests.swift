import Foundation
import Testing

/// The sharding examples in docs/scale/ must use flags the CLI has and split into as many shards as they run.
@Suite("docs/scale examples")
struct ScaleExamplesTests {
    static let files = ["github-actions.yml", "gitlab-ci.yml", "kubernetes.yml"]

    /// Every `omniaudit audit|merge` command in the file (with its folded continuation lines), as one line.
    static func commands(in text: String) -> [(subcommand: String, line: String)] {
        let lines = text.components(separatedBy: "\n")
        var found: [(String, String)] = []
        for (index, line) in lines.enumerated() {
            guard let range = line.range(of: #"omniaudit (audit|merge) "#, options: .regularExpression) else { continue }
            var command = String(line[range.lowerBound...])
            var next = index + 1
            while next < lines.count, lines[next].trimmingCharacters(in: .whitespaces).hasPrefix("--") {
                command += " " + lines[next].trimmingCharacters(in: .whitespaces)
                next += 1
            }
            found.append((command.contains("omniaudit audit") ? "audit" : "merge", command))
        }
        return found
    }

    @Test("every flag of every omniaudit command in docs/scale exists", arguments: files)
    func flagsExist(file: String) throws {
        let text = try String(contentsOfFile: Paths.repo("docs/scale/" + file), encoding: .utf8)
        let commands = Self.commands(in: text)
        #expect(commands.contains { $0.subcommand == "audit" && $0.line.contains("--shard") && $0.line.contains("--emit-observations") })
        #expect(commands.contains { $0.subcommand == "merge" })
        for (subcommand, line) in commands {
            let help = try Paths.run([subcommand, "--help"]).out
            let flags = line.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }
            for flag in flags { #expect(help.contains(flag), "\(file): \(flag) is not an option of omniaudit \(subcommand)") }
        }
    }

    @Test("each example runs as many shards as its --shard I/N says")
    func shardCounts() throws {
        let github = try String(contentsOfFile: Paths.repo("docs/scale/github-actions.yml"), encoding: .utf8)
        #expect(github.contains("SHARDS: 4") && github.contains("matrix: { shard: [1, 2, 3, 4] }"))
        let gitlab = try String(contentsOfFile: Paths.repo("docs/scale/gitlab-ci.yml"), encoding: .utf8)
        #expect(gitlab.contains("parallel: 4") && gitlab.contains("--shard \"$CI_NODE_INDEX/$CI_NODE_TOTAL\""))
        let kubernetes = try String(contentsOfFile: Paths.repo("docs/scale/kubernetes.yml"), encoding: .utf8)
        #expect(kubernetes.contains("completions: 4") && kubernetes.contains("--shard \"$((JOB_COMPLETION_INDEX + 1))/4\""))
        let runner = try String(contentsOfFile: Paths.repo("docs/scale/kubernetes-run.sh"), encoding: .utf8)
        #expect(runner.contains("\"${ok:-0}\" = 4"))
    }
}
