import Foundation

/// The results of one batch of pages, filled by worker threads, read in input order.
final class InspectBatch<Item: Sendable>: @unchecked Sendable {
    // Safe: `slots` is only touched under `lock`.
    private let lock = NSLock()
    private var slots: [Item?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Item) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    /// Every result, in order (all are set once the batch's work is done).
    func all() -> [Item] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// Pages read by worker threads, handed on in input order: a worker takes the next index unless it would run
/// more than `window` results ahead of the one the reader waits for.
final class InspectPipeline<Item: Sendable>: @unchecked Sendable {
    // Safe: every field is only touched while `condition` is locked.
    private let condition = NSCondition()
    private var slots: [Int: Item] = [:]
    private var nextIndex = 0
    private var handedOn = 0
    private let count: Int
    private let window: Int

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next index to read, waiting while the window is full; nil when every input is taken.
    func take() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextIndex < count && nextIndex >= handedOn + window { condition.wait() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func set(_ index: Int, _ result: Item) {
        condition.lock()
        slots[index] = result
        condition.broadcast()
        condition.unlock()
    }

    /// The result of `index` once it is read (indices are asked for in order).
    func result(_ index: Int) -> Item {
        condition.lock()
        defer { condition.unlock() }
        while slots[index] == nil { condition.wait() }
        let result = slots.removeValue(forKey: index)!
        handedOn = index + 1
        condition.broadcast()
        return result
    }
}
