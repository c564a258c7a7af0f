import AuditModel

/// Problems that say the same thing, gathered in one line: a feed of a million items with one unreadable column
/// gives a million problems that differ only in their line, and a crawl of ten thousand pages that show no product
/// ten thousand that differ only in their page. A report lists each message once, with its count and the first
/// places (the JSON report keeps every one).
struct ProblemGroup {
    /// The message shared by the group.
    var message: String
    /// Where each problem is, in input order: its input and position (empty for a whole input).
    var places: [(source: String, position: String)]

    /// How many places a line shows before "and N more".
    static let shownPlaces = 5

    /// The groups of `problems`, in the order of each group's first problem.
    static func groups(_ problems: [Problem]) -> [ProblemGroup] {
        var groups: [ProblemGroup] = []
        var index: [String: Int] = [:]
        for problem in problems {
            if let found = index[problem.message] {
                groups[found].places.append((problem.source, problem.position))
            } else {
                index[problem.message] = groups.count
                groups.append(ProblemGroup(message: problem.message, places: [(problem.source, problem.position)]))
            }
        }
        return groups
    }

    /// `source: position: message` for one problem; for several in one input, `source: message (N times: line 2,
    /// line 3, … and N more)`; for several inputs, `message (N times: a.html, b.html: line 4, … and N more)`.
    var description: String {
        guard let first = places.first else { return message }
        guard places.count > 1 else { return Problem(source: first.source, position: first.position, message: message).description }
        let oneInput = places.allSatisfy { $0.source == first.source }
        let shown = places.lazy.map { oneInput ? $0.position : ($0.position.isEmpty ? $0.source : "\($0.source): \($0.position)") }
            .filter { !$0.isEmpty }
        let list = shown.prefix(Self.shownPlaces).joined(separator: ", ")
        let listed = shown.count  // places with something to show (a whole input in one input has none)
        let more = listed > Self.shownPlaces ? " and \(listed - Self.shownPlaces) more" : ""
        let counted = "\(places.count) times\(list.isEmpty ? "" : ": \(list)\(more)")"
        return oneInput ? "\(first.source): \(message) (\(counted))" : "\(message) (\(counted))"
    }

    /// Lines for inputs skipped or failed, `label: input — reason`; the same reason for many inputs is one line,
    /// `label: reason (N times: a, b, … and N more)`.
    static func lines(_ label: String, _ notes: [ChannelCoverage.Note]) -> [String] {
        groups(notes.map { Problem(source: $0.input, message: $0.reason) }).map { group in
            group.places.count == 1 ? "\(label): \(group.places[0].source) — \(group.message)" : "\(label): \(group.description)"
        }
    }
}
