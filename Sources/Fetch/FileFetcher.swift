import Foundation

/// Reads inputs from the local file system: plain paths and `file://` URLs, with a size cap.
public struct FileFetcher: Sendable {
    /// The largest body accepted, in bytes.
    public var maxBytes: Int

    /// Creates a fetcher; the default cap is 50 MiB.
    public init(maxBytes: Int = 50 << 20) {
        self.maxBytes = maxBytes
    }

    /// The file system path of a location, or nil when the location is a URL of another scheme.
    public static func path(of location: String) -> String? {
        if location.hasPrefix("file://") { return URL(string: location)?.path }
        if let colon = location.firstIndex(of: ":"), location[..<colon].count > 1,
            location[..<colon].allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" || $0 == "." }),
            location[colon...].hasPrefix("://")
        {
            return nil
        }
        return location
    }

    /// Reads a location's bytes.
    public func fetch(_ location: String) throws(FetchError) -> Fetched {
        guard let path = Self.path(of: location) else { throw .unsupportedScheme(location) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(location)
        }
        if isDirectory.boolValue { throw .unreadable(location, reason: "it is a folder") }
        if let reason = LocalFile.refusal(path) { throw .unreadable(location, reason: reason) }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maxBytes { throw .tooLarge(location, limit: maxBytes) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(location, reason: "permission denied or I/O error")
        }
        return Fetched(location: location, body: data)
    }

    /// Lists the regular files under a folder, recursively, sorted by path, whose names end in one of the
    /// extensions (compound ones such as `html.gz` included). FIFOs, sockets and devices are left out: reading
    /// one would block.
    public func files(in folder: String, extensions: Set<String>) throws(FetchError) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { throw .notFound(folder) }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.lowercased()
            let path = (folder as NSString).appendingPathComponent(relative)
            if extensions.contains(where: { name.hasSuffix("." + $0) }), LocalFile.isRegular(path) { found.append(path) }
        }
        return found.sorted()
    }
}
