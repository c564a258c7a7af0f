import AuditModel
import Foundation

/// Flattens a JSON item into a feed record, for JSON and JSON Lines feeds read with the standard Merchant names:
/// scalar members by name, nested objects as `parent.child`, arrays of scalars as repeated values, and a
/// `shipping` object (or array of them) as `country:region:service:price`.
enum JSONRecord {
    static func record(_ item: JSONValue, locator: String) -> FeedRecord {
        var record = FeedRecord(locator: locator)
        add(item, prefix: "", locator: locator, to: &record)
        return record
    }

    private static func add(_ value: JSONValue, prefix: String, locator: String, to record: inout FeedRecord) {
        guard case .object(let members) = value else { return }
        for (key, member) in members {
            let name = prefix + FeedRecord.normalizedName(key)
            // JSON Lines items are located by line (`line 4, price`), JSON items by path (`data.products[3].price`).
            let byLine = locator.hasPrefix("line ") && !locator.contains(",")
            let here = locator.isEmpty ? key : byLine ? "\(locator), \(key)" : "\(locator).\(key)"
            if name == "shipping" {
                for (index, entry) in member.list.enumerated() {
                    let text = entry.text ?? ["country", "region", "service", "price"].map { entry[$0]?.text ?? "" }.joined(separator: ":")
                    record.values.append(.init(name: name, text: text, locator: member.list.count > 1 ? "\(here)[\(index)]" : here))
                }
                continue
            }
            switch member {
            case .object: add(member, prefix: name + ".", locator: here, to: &record)
            case .array(let elements):
                for (index, element) in elements.enumerated() {
                    if let text = element.text { record.values.append(.init(name: name, text: text, locator: "\(here)[\(index)]")) }
                }
            case .number(let text): record.values.append(.init(name: name, text: text, locator: here, isNumber: true))
            default: if let text = member.text { record.values.append(.init(name: name, text: text, locator: here)) }
            }
        }
    }

    /// The items of a JSON document with no `items:` path: a top-level array, else the first array of objects
    /// found under the root (depth first, in document order), with its path.
    static func items(in root: JSONValue) -> (items: [JSONValue], path: String)? {
        if case .array(let values) = root { return (values, "") }
        guard case .object(let members) = root else { return nil }
        for (key, value) in members {
            if case .array(let values) = value, values.contains(where: { if case .object = $0 { true } else { false } }) {
                return (values, key)
            }
        }
        for (key, value) in members {
            if case .object = value, let found = items(in: value) {
                return (found.items, found.path.isEmpty ? key : "\(key).\(found.path)")
            }
        }
        return nil
    }
}
