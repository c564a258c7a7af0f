import AuditModel
import Foundation

/// Streams the items of a JSON document: reads it chunk by chunk, checks its syntax as strictly as `JSONParser`
/// does (strict mode), follows the path of every value and hands over each value at the items path, parsed on its
/// own, as soon as it ends. Memory holds one item, never the document or its tree.
///
/// A syntax error or a failed read stops reading: the items before it have been handed over, the one it cut short
/// never is, and the error is a problem with its line and column.
struct JSONItemStream {
    /// The largest item read (its bytes); a larger one is a problem, and reading goes on after it.
    static let maxItemBytes = 32 << 20
    /// The deepest nesting read, as `JSONParser`'s.
    static let maxDepth = 512

    /// What to follow: the items at a path, or (`discover`) where the items are (`JSONRecord.items` rules).
    enum Target {
        case items([JSONPath.Step])
        case discover
    }

    /// What reading gave besides the items.
    struct Outcome {
        /// Items handed over.
        var items = 0
        /// Syntax errors, read failures and oversized items, each with its position.
        var problems: [Problem] = []
        /// True when reading stopped before the end (a syntax error or a failed read).
        var stoppedEarly = false
    }

    /// Reads the items at `steps` (`data.products[]`), handing each with its locator (`data.products[3]`) to `each`.
    /// `chunkSize` and `maxItemBytes` are for tests.
    static func read(_ input: FeedInput, source: String, items steps: [JSONPath.Step], chunkSize: Int = 256 << 10,
                     maxItemBytes: Int = maxItemBytes, each: (JSONValue, String) -> Void) -> Outcome {
        var scanner = JSONItemScanner(target: .items(steps), maxItemBytes: maxItemBytes)
        return scanner.run(input, source: source, chunkSize: chunkSize, each: each)
    }

    /// The syntax errors and read failures of a document, reading no item.
    static func check(_ input: FeedInput, source: String) -> [Problem] {
        read(input, source: source, items: [.index(-1)]) { _, _ in }.problems  // an index no array has
    }

    /// The items path to read: the configured one, else the one found in a first pass (`discover`), after which
    /// the input is read again from its start; nil when there is no array of objects. Throws when the input
    /// cannot be read a second time.
    static func itemsPath(_ configured: JSONPath?, in input: FeedInput, source: String) throws(Problem) -> JSONPath? {
        if let configured { return configured }
        let found = discover(input)
        guard input.rewind() else { throw Problem(source: source, message: "the feed could not be read a second time to read its items") }
        return found.map(JSONPath.init(eachIn:))
    }

    /// Where the items of a document with no items path are, as member names from the root: a top-level array
    /// (`[]`), else the first member array holding an object, level by level (`["data", "products"]`); nil when
    /// there is none. A document broken part way is searched up to the break.
    static func discover(_ input: FeedInput, chunkSize: Int = 256 << 10) -> [String]? {
        var scanner = JSONItemScanner(target: .discover)
        _ = scanner.run(input, source: "", chunkSize: chunkSize, each: { _, _ in })
        return scanner.discovered
    }
}
