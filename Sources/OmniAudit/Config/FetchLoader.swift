import Fetch
import Foundation

/// Loads a web channel's crawler keys: `robots`, `follow`, `cache` and the `fetch:` mapping of limits,
/// politeness and identity. Secrets (headers, cookies) are read from the environment variables the file names.
enum FetchLoader {
    static let fetchKeys = [
        "user-agent", "headers", "cookies", "concurrency", "per-host", "min-interval", "retries", "retry-base",
        "max-retry-after", "connect-timeout", "timeout", "low-speed-time", "low-speed-limit", "max-page-size",
        "max-sitemap-size", "max-redirects", "max-crawl-delay", "secret-hosts",
    ]

    /// The default settings for this version of omniaudit.
    static func defaults() -> FetchSettings {
        var settings = FetchSettings()
        settings.userAgent = FetchSettings.defaultUserAgent(version: OmniAuditVersion.current)
        return settings
    }

    /// The defaults for fetching a feed: feeds are large (hundreds of megabytes for a big catalogue) and are
    /// downloaded to a file, so the body cap is the feed reader's own (4 GiB) and an attempt may take 30 minutes.
    static func feedDefaults() -> FetchSettings {
        var settings = defaults()
        settings.maxBodyBytes = 4 << 30
        settings.timeout = 1_800
        return settings
    }

    static func fetch(_ node: ConfigNode, into settings: inout FetchSettings,
                      environment: [String: String]) throws(ConfigError) {
        for (key, value) in try node.mapping(allowed: fetchKeys) {
            switch key {
            case "user-agent": settings.userAgent = try value.string()
            case "headers":
                for (name, variable) in try value.mapping(allowed: []) {
                    settings.headers.append((name, try secret(variable, environment: environment)))
                }
            case "cookies": settings.cookies = try secret(value, environment: environment)
            case "concurrency": settings.concurrency = try value.integer(in: 1...1_024)
            case "per-host": settings.perHost = try value.integer(in: 1...256)
            case "min-interval": settings.minInterval = try seconds(value)
            case "retries": settings.retries = try value.integer(in: 0...100)
            case "retry-base": settings.retryBase = try seconds(value)
            case "max-retry-after": settings.maxRetryAfter = try seconds(value)
            case "connect-timeout": settings.connectTimeout = try seconds(value)
            case "timeout": settings.timeout = try seconds(value)
            case "low-speed-time": settings.lowSpeedTime = try value.integer(in: 0...maxSeconds)
            case "low-speed-limit": settings.lowSpeedLimit = try value.integer(in: 0...maxBytes)
            case "max-page-size": settings.maxBodyBytes = try bytes(value)
            case "max-sitemap-size": settings.maxSitemapBytes = try bytes(value)
            case "max-redirects": settings.maxRedirects = try value.integer(in: 0...100)
            case "secret-hosts": settings.targets.secretOrigins = try TargetLoader.origins(value)
            default: settings.maxCrawlDelay = try seconds(value)
            }
        }
    }

    /// The value of the environment variable a config value names; a missing variable is an error.
    static func secret(_ node: ConfigNode, environment: [String: String]) throws(ConfigError) -> String {
        let variable = try node.string()
        guard let value = environment[variable], !value.isEmpty else {
            throw node.error("environment variable '\(variable)' (named by \(node.path)) is not set",
                             hint: "secrets are read from the environment variable the config names, never from the file")
        }
        return value
    }

    /// The longest duration any key accepts: one day, in seconds.
    static let maxSeconds = 86_400
    /// The largest size any key accepts: 16 GiB.
    static let maxBytes = 16 << 30

    private static func seconds(_ node: ConfigNode) throws(ConfigError) -> Double {
        try node.number(in: 0...Double(maxSeconds), unit: " seconds")
    }

    /// A size such as `16MiB`, `500KB`, `2000000`.
    static func bytes(_ node: ConfigNode) throws(ConfigError) -> Int {
        let text = try node.string().trimmingCharacters(in: .whitespaces)
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("GB", 1_000_000_000),
                                      ("MB", 1_000_000), ("KB", 1_000), ("kB", 1_000), ("B", 1)]
        let invalid = node.error("\(node.path) must be a size from 1B to 16GiB such as 16MiB, 500KB or 2000000, found '\(text)'")
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            let digits = text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            // Digits and one point only: no `inf`, `nan`, exponents or signs.
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                let number = Double(digits), number.isFinite else { break }
            let size = number * Double(factor)
            guard size >= 1, size <= Double(maxBytes) else { throw invalid }
            return Int(size)
        }
        guard let number = Int(text), (1...maxBytes).contains(number) else { throw invalid }
        return number
    }
}
