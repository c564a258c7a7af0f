import Extract
import Fetch
import Foundation

/// Loads one entry of `channels:` by its `kind`.
enum ChannelLoader {
    static let webKeys = [
        "sitemaps", "urls", "include", "exclude", "mirror", "selectors", "robots", "follow", "cache", "fetch",
        "allowed-hosts", "deny-private-addresses", "cache-max-size", "cache-max-age", "max-pages", "timeout",
    ]
    static let feedKeys = ["format", "source", "items", "fields", "keys", "encoding", "fetch"]
    /// Keys every kind accepts.
    static let commonKeys = ["kind", "catalog", "currency"]

    static func channel(name: String, node: ConfigNode, resolver: PathResolver) throws(ConfigError) -> ChannelConfig {
        let members = try node.mapping(allowed: [])
        let names = ChannelKinds.all.map(\.name)
        guard let kindNode = members.first(where: { $0.key == "kind" })?.value else {
            throw node.error("channel '\(name)' needs a kind", hint: "kind: " + names.joined(separator: " or kind: "))
        }
        let kind = try kindNode.string()
        if ChannelKinds.planned.contains(kind) {
            throw kindNode.error("channel kind '\(kind)' is not supported by this version", hint: "supported kinds: \(names.joined(separator: ", "))")
        }
        guard let entry = ChannelKinds.entry(try kindNode.word(names)) else { throw kindNode.error("unknown kind '\(kind)'") }
        let checked = try node.mapping(allowed: commonKeys + entry.keys)
        var fullCatalog = entry.fullCatalog
        var currency: String?
        for (key, value) in checked {
            switch key {
            case "catalog": fullCatalog = try value.word(["full", "partial"]) == "full"
            case "currency": currency = try SectionLoader.currency(value)
            default: break
            }
        }
        var source = try entry.load(checked, node, resolver)
        if var feed = source as? FeedChannel {
            feed.currency = currency
            source = feed
        } else if var store = source as? StoreChannel {
            store.feed.currency = currency
            source = store
        }
        return ChannelConfig(name: name, kind: entry.name, source: source, fullCatalog: fullCatalog, currency: currency)
    }

    static func web(_ members: [(key: String, value: ConfigNode)], node: ConfigNode,
                            resolver: PathResolver) throws(ConfigError) -> WebChannel {
        var web = WebChannel(sitemaps: [], urls: [], include: [], exclude: [], mirror: [], selectors: nil)
        web.fetch = FetchLoader.defaults()
        web.cache = resolver.resolve(".omniaudit-cache")
        let environment = ProcessInfo.processInfo.environment
        var extraHosts: Set<String> = []
        for (key, value) in members {
            switch key {
            case "sitemaps": for (index, item) in try value.strings().enumerated() {
                web.sitemaps.append(try resolver.existing(item, at: (try? value.elements()[index]) ?? value))
            }
            case "urls": for (index, item) in try value.strings().enumerated() {
                web.urls.append(try resolver.existing(item, at: (try? value.elements()[index]) ?? value))
            }
            case "selectors": web.selectors = try selectors(value)
            case "include": web.include = try value.strings()
            case "exclude": web.exclude = try value.strings()
            case "mirror":
                for (prefix, folder) in try value.mapping(allowed: []) {
                    guard prefix.hasPrefix("http://") || prefix.hasPrefix("https://") else {
                        throw folder.error("mirror keys must be http(s) URL prefixes, found '\(prefix)'")
                    }
                    web.mirror.append((prefix, try resolver.existing(try folder.string(), at: folder)))
                }
            case "robots": web.fetch.obeyRobots = try value.word(["true", "false"]) == "true"
            case "follow":
                web.follow = try value.integer(in: 0...10)
            case "cache":
                let text = try value.string()
                web.cache = text == "false" ? nil : text == "true" ? web.cache : resolver.resolve(text)
            case "fetch": try FetchLoader.fetch(value, into: &web.fetch, environment: environment)
            case "allowed-hosts": extraHosts = try TargetLoader.hosts(value)
            case "timeout": web.timeBudget = try value.number(in: 1...604_800, unit: " seconds")
            case "max-pages": web.maxPages = try value.integer(in: 1...10_000_000)
            case "cache-max-size": web.cacheMaxBytes = try FetchLoader.bytes(value)
            case "cache-max-age": web.cacheMaxAge = try value.number(in: 0...3_650, unit: " days") * 86_400
            case "deny-private-addresses": web.fetch.targets.denyPrivateAddresses = try value.word(["true", "false"]) == "true"
            default: break
            }
        }
        web.fetch.targets.allowedHosts = TargetLoader.allowedHosts(of: web, extra: extraHosts)
        web.mirror.sort { $0.prefix.count > $1.prefix.count }
        if web.sitemaps.isEmpty && web.urls.isEmpty {
            throw node.error("web channel needs sitemaps or urls", hint: "e.g. sitemaps: [web/sitemap.xml]")
        }
        return web
    }

    /// `selectors: { price: ".price--current", list_price: "del.price", availability: ".stock" }`, CSS or XPath.
    private static func selectors(_ node: ConfigNode) throws(ConfigError) -> PageSelectors {
        var selectors = PageSelectors()
        for (key, value) in try node.mapping(allowed: ["price", "list_price", "availability"]) {
            let xpath: String
            do {
                xpath = try CSSSelector.xpath(try value.string())
            } catch let error as CSSSelector.SyntaxError {
                throw value.error(error.description)
            } catch {
                throw value.error("\(error)")
            }
            switch key {
            case "price": selectors.price = xpath
            case "list_price": selectors.listPrice = xpath
            default: selectors.availability = xpath
            }
        }
        return selectors
    }

    /// `kind: terms` with `urls:` of policy pages (paths or URLs).
    static func terms(_ members: [(key: String, value: ConfigNode)], node: ConfigNode,
                      resolver: PathResolver) throws(ConfigError) -> TermsChannel {
        var channel = TermsChannel(urls: [])
        for (key, value) in members where key == "urls" {
            for (index, item) in try value.strings().enumerated() {
                channel.urls.append(try resolver.existing(item, at: (try? value.elements()[index]) ?? value))
            }
        }
        if channel.urls.isEmpty {
            throw node.error("terms channel needs urls", hint: "e.g. urls: [web/spedizioni.html, web/resi.html]")
        }
        return channel
    }

    static func feed(_ members: [(key: String, value: ConfigNode)], node: ConfigNode,
                     resolver: PathResolver) throws(ConfigError) -> FeedChannel {
        var feed = FeedChannel(format: "auto", source: "", items: JSONPath("")!, fields: [:], currency: nil)
        for (key, value) in members {
            switch key {
            case "format": feed.format = try value.word(FeedFormat.allCases.map(\.rawValue))
            case "encoding":
                let name = try value.string()
                guard FeedEncoding.isKnown(name) else {
                    throw value.error("encoding '\(name)' is not known", hint: "e.g. windows-1252, iso-8859-2, windows-1250, koi8-r, shift_jis")
                }
                feed.encoding = name
            case "source": feed.source = try resolver.existing(try value.string(), at: value)
            case "items":
                guard let path = JSONPath(try value.string()) else { throw value.error("items is not a valid path", hint: "e.g. data.products[]") }
                feed.items = path
            case "fields":
                for (field, pathNode) in try value.mapping(allowed: JSONFeedExtractor.Field.allCases.map(\.rawValue)) {
                    guard let path = JSONPath(try pathNode.string()), let name = JSONFeedExtractor.Field(rawValue: field) else {
                        throw pathNode.error("fields.\(field) is not a valid path or column name", hint: "e.g. pricing.sale or prezzo")
                    }
                    feed.fields[name] = path
                }
            case "keys": feed.keys = try KeyTransformLoader.transforms(value, resolver: resolver)
            case "fetch":
                var settings = FetchLoader.feedDefaults()
                try FetchLoader.fetch(value, into: &settings, environment: ProcessInfo.processInfo.environment)
                feed.fetch = settings
            default: break
            }
        }
        if feed.source.isEmpty { throw node.error("feed channel needs a source") }
        return feed
    }

    /// A store price list: a feed read per store (a file, or a folder with one file per store).
    static func store(_ members: [(key: String, value: ConfigNode)], node: ConfigNode,
                      resolver: PathResolver) throws(ConfigError) -> StoreChannel {
        var feed = try self.feed(members, node: node, resolver: resolver)
        feed.perStore = true
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: feed.source, isDirectory: &isFolder), isFolder.boolValue else {
            return StoreChannel(feed: feed, files: [feed.source])
        }
        let files = (try? FileFetcher().files(in: feed.source, extensions: ["csv", "tsv", "jsonl", "json", "xml", "csv.gz", "tsv.gz"])) ?? []
        if files.isEmpty { throw node.error("store channel source \(feed.source) holds no price list (csv, tsv, jsonl, json, xml)") }
        return StoreChannel(feed: feed, files: files)
    }
}
