import AuditModel
import Extract
import Foundation

/// `omniaudit init`: samples a shop's web pages and feeds, detects each feed's format and mapping, finds the
/// identity keys the channels actually share (and the key transforms feeds need), and writes a commented
/// `omniaudit.yml` that audits on the first try. It never overwrites a file.
public struct Starter: Sendable {
    /// The shop's name, currency, locale and timezone for `shop:`.
    public var shop: AuditConfig.Shop
    /// Sitemaps, folders of saved pages or pages.
    public var web: [String]
    /// Feed files (any format).
    public var feeds: [String]
    /// Store price lists.
    public var stores: [String]
    /// How many pages of each web input are sampled.
    public var pages = 40

    /// Creates a starter.
    public init(shop: AuditConfig.Shop, web: [String], feeds: [String], stores: [String] = []) {
        self.shop = shop
        self.web = web
        self.feeds = feeds
        self.stores = stores
    }

    /// Why init stopped.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Samples the inputs and writes the config to `path`; returns the YAML written.
    public func write(to path: String) throws(Failure) -> String {
        if FileManager.default.fileExists(atPath: path) {
            throw Failure(description: "\(path) exists: init never overwrites a config; remove it or choose another --out")
        }
        if web.isEmpty && feeds.isEmpty && stores.isEmpty { throw Failure(description: "nothing to sample: give --web, --feed or --store") }
        let folder = (path as NSString).deletingLastPathComponent
        let base = folder.isEmpty ? FileManager.default.currentDirectoryPath : folder
        let yaml = render(base: (base as NSString).standardizingPath)
        do {
            try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
        }
        return yaml
    }

    /// The YAML for a config living in `base`.
    public func render(base: String) -> String {
        var samples: [ChannelSample] = []
        func absolute(_ location: String) -> String {
            location.contains("://") || location.hasPrefix("/") ? location
                : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(location)
        }
        for (index, location) in web.enumerated() {
            samples.append(.web(absolute(location), name: index == 0 ? "web" : "web\(index + 1)", pages: pages))
        }
        for (index, location) in feeds.enumerated() {
            let name = Self.feedName(location, index: index, taken: samples.map(\.name))
            samples.append(.feed(absolute(location), name: name, kind: "feed", currency: shop.currency, locale: shop.locale))
        }
        for (index, location) in stores.enumerated() {
            samples.append(.feed(absolute(location), name: index == 0 ? "stores" : "stores\(index + 1)", kind: "store",
                                 currency: shop.currency, locale: shop.locale))
        }
        let keys = SharedKeys.analyse(&samples)
        return StarterYAML(shop: shop, samples: samples, keys: keys, base: base).text
    }

    /// `app` for app.json, `merchant` for a Merchant XML feed, else the file's name.
    static func feedName(_ location: String, index: Int, taken: [String]) -> String {
        let stem = ((location as NSString).lastPathComponent.components(separatedBy: ".").first ?? "feed").lowercased()
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        var name = cleaned.isEmpty || cleaned == "products" ? "feed\(index + 1)" : cleaned
        while taken.contains(name) { name += "-\(index + 1)" }
        return name
    }
}
