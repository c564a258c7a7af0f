import AuditModel
import Foundation
import Reconcile
import Yams

/// Loads and validates `omniaudit.yml`. Unknown keys, wrong types and missing files are `ConfigError`s with
/// `file:line:column` and a hint.
public enum ConfigLoader {
    static let topKeys = ["version", "shop", "match", "reference", "channels", "rules", "suppressions", "gate", "report", "tracking-parameters", "history", "as-of"]

    /// Loads the config at a path.
    public static func load(path: String) throws(ConfigError) -> AuditConfig {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw ConfigError(file: path, line: 1, column: 1, message: "config file not found or not readable",
                              hint: "run from the folder with omniaudit.yml, or pass --config PATH")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, line: 1, column: 1, message: "config file is not UTF-8 text")
        }
        return try parse(text, file: path, baseDirectory: (absolute as NSString).deletingLastPathComponent)
    }

    /// Parses config text; `file` names it in errors, relative paths resolve against `baseDirectory`.
    public static func parse(_ text: String, file: String, baseDirectory: String) throws(ConfigError) -> AuditConfig {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: file, line: 1, column: 1, message: "config file is empty",
                                  hint: "run 'omniaudit init' for a commented starter file")
            }
            root = node
        } catch let error as ConfigError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw ConfigError(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
        let resolver = PathResolver(baseDirectory: baseDirectory)
        let members = try ConfigNode(node: root, file: file, path: "").mapping(allowed: topKeys)
        func member(_ key: String) -> ConfigNode? { members.first { $0.key == key }?.value }
        func required(_ key: String) throws(ConfigError) -> ConfigNode {
            guard let node = member(key) else {
                throw ConfigError(file: file, line: 1, column: 1, message: "missing required key '\(key)'")
            }
            return node
        }
        if let version = member("version"), try version.integer() != 1 {
            throw version.error("unsupported config version '\(try version.string())'", hint: "this omniaudit reads version: 1")
        }
        let shop = try SectionLoader.shop(try required("shop"))
        let match = try SectionLoader.match(member("match"))
        let channelsNode = try required("channels")
        var channels: [ChannelConfig] = []
        for (name, node) in try channelsNode.mapping(allowed: []) {
            channels.append(try ChannelLoader.channel(name: name, node: node, resolver: resolver))
        }
        if channels.isEmpty { throw channelsNode.error("channels must name at least one channel") }
        var reference: String?
        if let node = member("reference") {
            reference = try node.word(channels.map(\.name))
        }
        var history: String?
        if let node = member("history") {
            let text = try node.string()
            history = text == "false" ? nil : resolver.resolve(text == "true" ? "reports/history.sqlite" : text)
        }
        var tracking: [String] = []
        if let node = member("tracking-parameters") { tracking = try node.strings() }
        var asOf: String?
        if let node = member("as-of") {
            let day = try node.string()
            guard day.count == 10, DayClock.date(from: day) != nil else {
                throw node.error("as-of must be a date like 2026-11-23", hint: "leave it out to audit as of today in the shop's timezone")
            }
            asOf = day
        }
        let gate = try SectionLoader.gate(member("gate"))
        let report = try SectionLoader.report(member("report"), resolver: resolver)
        return AuditConfig(
            path: file, baseDirectory: baseDirectory, digest: Fingerprint.make([text]), shop: shop, match: match.fields, reference: reference,
            channels: channels, rules: try SectionLoader.rules(member("rules")),
            suppressions: try SectionLoader.suppressions(member("suppressions")), gate: gate, report: report,
            history: history, trackingParameters: tracking, matchTitles: match.titles, asOf: asOf)
    }

    private static func yamlError(_ error: YamlError, file: String) -> ConfigError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            return ConfigError(file: file, line: mark.line, column: mark.column,
                               message: "invalid YAML: \(problem)" + (context.map { " \($0.text)" } ?? ""))
        default:
            return ConfigError(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }
}

/// Resolves config paths relative to the config file's folder; URLs pass through.
struct PathResolver {
    let baseDirectory: String

    /// An absolute path for a relative or absolute path; URLs other than `file://` unchanged.
    func resolve(_ location: String) -> String {
        if location.contains("://") {
            return location.hasPrefix("file://") ? (URL(string: location)?.path ?? location) : location
        }
        if location.hasPrefix("/") { return location }
        return URL(fileURLWithPath: location, relativeTo: URL(fileURLWithPath: baseDirectory, isDirectory: true))
            .standardizedFileURL.path
    }

    /// How a location is shown in reports: relative to the config folder when it is inside it, so reports do not
    /// depend on where the repository is checked out.
    func display(_ location: String) -> String {
        let base = baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/"
        return location.hasPrefix(base) ? String(location.dropFirst(base.count)) : location
    }

    /// Text with every mention of the config folder removed (`/abs/cfg/web/x.html` → `web/x.html`).
    func strip(_ text: String) -> String {
        text.replacingOccurrences(of: baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/", with: "")
    }

    /// Resolves a local location and checks it exists; URLs are not checked here.
    func existing(_ location: String, at node: ConfigNode) throws(ConfigError) -> String {
        let resolved = resolve(location)
        if !resolved.contains("://"), !FileManager.default.fileExists(atPath: resolved) {
            throw node.error("\(node.path): '\(location)' does not exist", hint: "paths are relative to the config file's folder")
        }
        return resolved
    }
}
