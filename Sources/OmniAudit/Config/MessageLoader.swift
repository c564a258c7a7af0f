import Fetch
import Foundation

/// Loads the settings of the promo message kinds: `kind: email` (`source:` files or folders, and/or `imap:`)
/// and `kind: sms` (`source:` export files).
enum MessageLoader {
    static let emailKeys = ["source", "imap", "codes"]
    static let smsKeys = ["source", "codes"]
    static let imapKeys = ["url", "user-env", "password-env", "search", "max-messages", "ca-file"]

    static func email(_ members: [(key: String, value: ConfigNode)], node: ConfigNode,
                      resolver: PathResolver) throws(ConfigError) -> EmailChannel {
        var channel = EmailChannel(sources: [], imap: nil)
        for (key, value) in members {
            switch key {
            case "source": channel.sources = try sources(value, resolver: resolver)
            case "imap": channel.imap = try imap(value, resolver: resolver)
            case "codes": channel.codes = try resolver.existing(try value.string(), at: value)
            default: break
            }
        }
        if channel.sources.isEmpty, channel.imap == nil {
            throw node.error("email channel needs a source or imap", hint: "e.g. source: mail/promo.mbox")
        }
        return channel
    }

    static func sms(_ members: [(key: String, value: ConfigNode)], node: ConfigNode,
                    resolver: PathResolver) throws(ConfigError) -> SMSChannel {
        var channel = SMSChannel(sources: [])
        for (key, value) in members {
            if key == "source" { channel.sources = try sources(value, resolver: resolver) }
            if key == "codes" { channel.codes = try resolver.existing(try value.string(), at: value) }
        }
        if channel.sources.isEmpty { throw node.error("sms channel needs a source", hint: "e.g. source: sms/campagne.csv") }
        return channel
    }

    /// One path or a list of paths, each existing.
    private static func sources(_ value: ConfigNode, resolver: PathResolver) throws(ConfigError) -> [String] {
        if let single = try? value.string() { return [try resolver.existing(single, at: value)] }
        var paths: [String] = []
        for (index, item) in try value.strings().enumerated() {
            paths.append(try resolver.existing(item, at: (try? value.elements()[index]) ?? value))
        }
        return paths
    }

    /// `imap: {url: imaps://host/Folder, user-env: NAME, password-env: NAME, search: "SINCE 1-Nov-2026"}`: the
    /// credentials come from the environment variables named, never from the file.
    private static func imap(_ node: ConfigNode, resolver: PathResolver) throws(ConfigError) -> IMAPSettings {
        var url = "", userVariable = "", passwordVariable = "", search = "ALL", maxMessages = 2000
        var caFile: String?
        for (key, value) in try node.mapping(allowed: imapKeys) {
            switch key {
            case "url": url = try value.string()
            case "user-env": userVariable = try value.string()
            case "password-env": passwordVariable = try value.string()
            case "search": search = try value.string()
            case "max-messages":
                guard let count = Int(try value.string()), count > 0 else { throw value.error("max-messages must be a positive number") }
                maxMessages = count
            case "ca-file": caFile = try resolver.existing(try value.string(), at: value)
            default: break
            }
        }
        let lower = url.lowercased()
        guard lower.hasPrefix("imap://") || lower.hasPrefix("imaps://") else {
            throw node.error("imap needs url: imap://host/Folder or imaps://host/Folder")
        }
        guard !url.contains("@") else { throw node.error("imap url must not hold credentials", hint: "use user-env and password-env") }
        guard !search.contains("\r"), !search.contains("\n") else { throw node.error("imap search must be one line") }
        let environment = ProcessInfo.processInfo.environment
        guard !userVariable.isEmpty, let user = environment[userVariable] else {
            throw node.error("imap user-env names no set environment variable ('\(userVariable)')", hint: "e.g. user-env: PROMO_IMAP_USER")
        }
        guard !passwordVariable.isEmpty, let password = environment[passwordVariable] else {
            throw node.error("imap password-env names no set environment variable ('\(passwordVariable)')", hint: "e.g. password-env: PROMO_IMAP_PASSWORD")
        }
        var settings = IMAPSettings(url: url, user: user, password: password, search: search, maxMessages: maxMessages)
        settings.caFile = caFile
        return settings
    }
}
