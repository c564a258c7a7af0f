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

    /// What went wrong, without the input's name.
    public var reason: String {
        switch self {
        case .notFound: "not found"
        case .unreadable(_, let reason): "cannot be read: \(reason)"
        case .tooLarge(_, let limit): "larger than the \(limit)-byte limit"
        case .unsupportedScheme: "unsupported URL scheme (supported: file paths, file://)"
        }
    }

    /// The input.
    public var input: String {
        switch self {
        case .notFound(let input), .unreadable(let input, _), .tooLarge(let input, _), .unsupportedScheme(let input): input
        }
    }

    public var description: String { "\(input): \(reason)" }
}
