/// An invalid `omniaudit.yml`: the file, the 1-based line and column, what was expected, and a hint.
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    public var hint: String?

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `omniaudit.yml:12:5: error: … (hint: …)`, the format editors and CI logs link.
    public var description: String {
        "\(file):\(line):\(column): error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
