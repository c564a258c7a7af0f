import AuditModel

/// Problems that say the same thing about the same input, gathered in one line: a feed of a million items with one
/// unreadable column gives a million problems that differ only in their line, which a report lists once, with the
/// first positions and the count (the JSON report keeps every one).
struct ProblemGroup: Equatable {
    /// The input and the message shared by the group.
    var source: String
    var message: String
    /// The positions, in input order (empty strings for problems about a whole input).
    var positions: [String]

    /// How many positions a line shows before "and N more".
    static let shownPositions = 5

    /// The groups of `problems`, in the order of each group's first problem.
    static func groups(_ problems: [Problem]) -> [ProblemGroup] {
        var groups: [ProblemGroup] = []
        var index: [Key: Int] = [:]
        for problem in problems {
            let key = Key(source: problem.source, message: problem.message)
            if let found = index[key] {
                groups[found].positions.append(problem.position)
            } else {
                index[key] = groups.count
                groups.append(ProblemGroup(source: problem.source, message: problem.message, positions: [problem.position]))
            }
        }
        return groups
    }

    private struct Key: Hashable {
        let source: String
        let message: String
    }

    /// `source: position: message` for one problem; for several, `source: message (N times: line 2, line 3, …
    /// and N more)`.
    var description: String {
        guard positions.count > 1 else { return Problem(source: source, position: positions.first ?? "", message: message).description }
        let places = positions.filter { !$0.isEmpty }
        let shown = places.prefix(Self.shownPositions).joined(separator: ", ")
        let more = places.count > Self.shownPositions ? " and \(places.count - Self.shownPositions) more" : ""
        return "\(source): \(message) (\(positions.count) times\(places.isEmpty ? "" : ": \(shown)\(more)"))"
    }
}
