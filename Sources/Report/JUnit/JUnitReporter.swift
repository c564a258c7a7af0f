import AuditModel
import Foundation

/// Writes `omniaudit.xml` in the JUnit XML format CI systems read: one test suite per rule, one test case per
/// product × rule; an active finding is a failure (its `type` is the severity), a suppressed one is skipped.
public struct JUnitReporter: Reporter {
    public init() {}
    public let format = "junit"
    public let fileName = "omniaudit.xml"

    public func render(_ report: AuditReport) throws -> Data {
        let products = Set(report.productIDs).union(report.findings.map(\.product)).sorted()
        var byCase: [String: [Finding]] = [:]
        for finding in report.findings { byCase["\(finding.rule)\u{0}\(finding.product)", default: []].append(finding) }
        var suites = ""
        var (total, failures, skipped) = (0, 0, 0)
        for rule in report.ruleIDs {
            var cases = ""
            var (suiteFailures, suiteSkipped) = (0, 0)
            let names = rule == "unverifiable" ? report.findings.filter { $0.rule == rule }.map(\.product) : products
            for product in Array(Set(names)).sorted() {
                let findings = byCase["\(rule)\u{0}\(product)"] ?? []
                cases += "    <testcase classname=\"\(XML.escape(rule))\" name=\"\(XML.escape(product))\">"
                let active = findings.filter { $0.status != .suppressed && $0.status != .fixed }
                if !active.isEmpty {
                    suiteFailures += 1
                    let worst = active.map(\.severity).max() ?? .notice
                    let body = active.map(Self.details).joined(separator: "\n\n")
                    cases += "\n      <failure message=\"\(XML.escape(active[0].message))\" type=\"\(worst.rawValue)\">"
                        + XML.escape(body) + "</failure>\n    "
                } else if let suppressed = findings.first(where: { $0.status == .suppressed }) {
                    suiteSkipped += 1
                    cases += "\n      <skipped message=\"\(XML.escape("suppressed: " + (suppressed.suppression ?? "")))\"/>\n    "
                }
                cases += "</testcase>\n"
            }
            let count = names.isEmpty ? 0 : Set(names).count
            total += count
            failures += suiteFailures
            skipped += suiteSkipped
            suites += "  <testsuite name=\"\(XML.escape(rule))\" tests=\"\(count)\" failures=\"\(suiteFailures)\" "
                + "errors=\"0\" skipped=\"\(suiteSkipped)\">\n" + cases + "  </testsuite>\n"
        }
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"omniaudit \(XML.escape(report.run.shop)) \(XML.escape(report.run.asOf))\" tests=\"\(total)\" "
            + "failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n" + suites + "</testsuites>\n"
        return Data(xml.utf8)
    }

    /// The failure body: the message, then what each channel shows, with evidence.
    static func details(_ finding: Finding) -> String {
        ([finding.message] + finding.observations.map { value in
            let evidence = value.evidence.map { " — \($0.source)\($0.locator.isEmpty ? "" : " @ \($0.locator)")" } ?? ""
            return "\(value.channel): \(value.value ?? "not listed")\(value.expected ? " (expected)" : "")\(evidence)"
        } + ["fingerprint \(finding.fingerprint)"]).joined(separator: "\n")
    }
}

/// XML text escaping, with the characters XML 1.0 cannot carry dropped.
enum XML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value >= 0x20 && !(0xFFFE...0xFFFF).contains(value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
