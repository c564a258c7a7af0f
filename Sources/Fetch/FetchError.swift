/// Why an input could not be fetched. The description names the input.
public enum FetchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file or resource does not exist.
    case notFound(String)
    /// The input exists but could not be read (permissions, a folder where a file was expected …).
    case unreadable(String, reason: String)
    /// The body is larger than the configured cap.
    case tooLarge(String, limit: Int)
    /// The URL scheme is not supported by this fetcher.
    case unsupportedScheme(String)

    public var description: String {
        switch self {
        case .notFound(let input): "\(input): not found"
        case .unreadable(let input, let reason): "\(input): cannot be read: \(reason)"
        case .tooLarge(let input, let limit): "\(input): larger than the \(limit)-byte limit"
        case .unsupportedScheme(let input): "\(input): unsupported URL scheme (supported: file paths, file://)"
        }
    }
}
