import AuditModel
import Foundation
import Reconcile

/// Loads the small top-level sections of the config: shop, match, rules, suppressions, gate, report.
enum SectionLoader {
    static func shop(_ node: ConfigNode) throws(ConfigError) -> AuditConfig.Shop {
        var shop = AuditConfig.Shop(name: "", currency: "EUR", locale: "en-US", timezone: "UTC")
        for (key, value) in try node.mapping(allowed: ["name", "currency", "locale", "timezone"]) {
            switch key {
            case "name": shop.name = try value.string()
            case "currency":
                shop.currency = try value.string().uppercased()
                guard shop.currency.count == 3, shop.currency.allSatisfy(\.isLetter) else {
                    throw value.error("shop.currency must be an ISO 4217 code such as EUR")
                }
            case "locale": shop.locale = try value.string()
            default:
                shop.timezone = try value.string()
                guard TimeZone(identifier: shop.timezone) != nil else {
                    throw value.error("unknown timezone '\(shop.timezone)'", hint: "use an IANA name such as Europe/Rome")
                }
            }
        }
        if shop.name.isEmpty { throw node.error("shop.name is required") }
        return shop
    }

    static func match(_ node: ConfigNode?) throws(ConfigError) -> [IdentityField] {
        guard let node else { return [.sku, .gtin, .mpn, .url] }
        var fields: [IdentityField] = []
        for element in try node.elements() {
            let word = try element.word(IdentityField.allCases.map(\.rawValue))
            if let field = IdentityField(rawValue: word) { fields.append(field) }
        }
        if fields.isEmpty { throw node.error("match must name at least one identity field") }
        return fields
    }

    static func rules(_ node: ConfigNode?) throws(ConfigError) -> [String: RuleSettings] {
        guard let node else { return [:] }
        var settings: [String: RuleSettings] = [:]
        for (id, value) in try node.mapping(allowed: RuleRegistry.ids) {
            var rule = RuleSettings()
            for (key, option) in try value.mapping(allowed: ["severity", "tolerance", "tolerance-percent"]) {
                switch key {
                case "severity":
                    let word = try option.word(["error", "warning", "notice", "off"])
                    if word == "off" { rule.enabled = false } else { rule.severity = Severity(rawValue: word) }
                case "tolerance":
                    let text = try option.string()
                    guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), text.count <= 20,
                        let amount = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), amount >= 0 else { throw option.error("tolerance must be a non-negative amount such as \"0.01\"") }
                    rule.absoluteTolerance = amount
                default:
                    let percent = try option.number(in: 0...100, unit: " percent")
                    rule.relativeTolerance = Decimal(percent) / 100
                }
            }
            settings[id] = rule
        }
        return settings
    }

    static func suppressions(_ node: ConfigNode?) throws(ConfigError) -> [Suppression] {
        guard let node else { return [] }
        var list: [Suppression] = []
        for element in try node.elements() {
            var rule: String?, product: String?, reason: String?, expires: String?
            for (key, value) in try element.mapping(allowed: ["rule", "product", "reason", "expires"]) {
                switch key {
                case "rule": rule = try value.word(RuleRegistry.ids)
                case "product": product = try value.string()
                case "reason": reason = try value.string()
                default:
                    let day = try value.string()
                    guard day.count == 10, DayClock.date(from: day) != nil else {
                        throw value.error("expires must be a date like 2026-12-31, found '\(day)'")
                    }
                    expires = day
                }
            }
            guard let rule else { throw element.error("a suppression needs a rule") }
            guard let reason, !reason.isEmpty else {
                throw element.error("a suppression needs a reason", hint: "say why the finding is accepted; it is shown in the report")
            }
            list.append(Suppression(rule: rule, product: product, reason: reason, expires: expires))
        }
        return list
    }

    static func gate(_ node: ConfigNode?) throws(ConfigError) -> AuditConfig.Gate {
        var gate = AuditConfig.Gate(failOn: .error, minCoverage: 0.9)
        guard let node else { return gate }
        for (key, value) in try node.mapping(allowed: ["fail-on", "min-coverage"]) {
            if key == "fail-on" {
                gate.failOn = Severity(rawValue: try value.word(["error", "warning", "notice", "never"]))
            } else {
                gate.minCoverage = try value.number()
                guard (0...1).contains(gate.minCoverage) else { throw value.error("min-coverage must be between 0 and 1") }
            }
        }
        return gate
    }

    static func report(_ node: ConfigNode?, resolver: PathResolver) throws(ConfigError) -> AuditConfig.ReportSettings {
        var report = AuditConfig.ReportSettings(out: resolver.resolve("reports"), formats: ["html", "json"])
        guard let node else { return report }
        for (key, value) in try node.mapping(allowed: ["out", "formats"]) {
            if key == "out" {
                report.out = resolver.resolve(try value.string())
            } else {
                report.formats = []
                for element in try value.elements() { report.formats.append(try element.word(["html", "json"])) }
            }
        }
        return report
    }
}
