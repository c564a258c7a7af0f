import AuditModel
import Foundation
import Reconcile
import Report

/// Loads the small top-level sections of the config: shop, match, rules, suppressions, gate, report.
enum SectionLoader {
    static func shop(_ node: ConfigNode) throws(ConfigError) -> AuditConfig.Shop {
        var shop = AuditConfig.Shop(name: "", currency: "EUR", locale: "en-US", timezone: "UTC")
        for (key, value) in try node.mapping(allowed: ["name", "currency", "locale", "timezone"]) {
            switch key {
            case "name": shop.name = try value.string()
            case "currency": shop.currency = try currency(value)
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

    /// An ISO 4217 code (`EUR`, any letter case).
    static func currency(_ value: ConfigNode) throws(ConfigError) -> String {
        let code = try value.string().uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw value.error("\(value.path) must be an ISO 4217 code such as EUR, found '\(code)'")
        }
        return code
    }

    /// `match: [sku, gtin, url, title]`: the identity fields in order, and whether titles are the last resort.
    static func match(_ node: ConfigNode?) throws(ConfigError) -> (fields: [IdentityField], titles: Bool) {
        guard let node else { return ([.sku, .gtin, .mpn, .url], false) }
        var fields: [IdentityField] = []
        var titles = false
        for element in try node.elements() {
            let word = try element.word(IdentityField.allCases.map(\.rawValue) + ["title"])
            if let field = IdentityField(rawValue: word) { fields.append(field) } else { titles = true }
        }
        if fields.isEmpty && !titles { throw node.error("match must name at least one identity field") }
        return (fields, titles)
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
                    let text = try option.string().trimmingCharacters(in: .whitespaces)
                    guard text.count <= 20 else { throw option.error("tolerance is too long: a number such as \"0.01\" or \"2%\"") }
                    if text.hasSuffix("%") {
                        let number = text.dropLast().trimmingCharacters(in: .whitespaces)
                        guard let percent = Tolerance.decimal(number), percent >= 0, percent <= 100 else {
                            throw option.error("tolerance must be a percentage from 0% to 100% such as \"2%\", found '\(text)'")
                        }
                        rule.relativeTolerance = percent / 100
                    } else {
                        guard let amount = Tolerance.decimal(text), amount >= 0 else {
                            throw option.error("tolerance must be a non-negative amount such as \"0.01\" or a percentage such as \"2%\", found '\(text)'")
                        }
                        rule.absoluteTolerance = amount
                    }
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
            var rule: String?, product: String?, reason: String?, expires: String?, fingerprint: String?, channel: String?
            for (key, value) in try element.mapping(allowed: ["rule", "product", "channel", "fingerprint", "reason", "expires"]) {
                switch key {
                case "channel": channel = try value.string()
                case "rule": rule = try value.word(RuleRegistry.ids)
                case "product": product = try value.string()
                case "fingerprint":
                    let text = try value.string().lowercased()
                    guard text.count == 16, text.allSatisfy(\.isHexDigit) else {
                        throw value.error("fingerprint must be the 16 hex digits of a finding's fingerprint in the JSON report")
                    }
                    fingerprint = text
                case "reason": reason = try value.string()
                default:
                    let day = try value.string()
                    guard day.count == 10, DayClock.date(from: day) != nil else {
                        throw value.error("expires must be a date like 2026-12-31, found '\(day)'")
                    }
                    expires = day
                }
            }
            guard rule != nil || fingerprint != nil || product != nil else {
                throw element.error("a suppression needs a rule, a product or a fingerprint", hint: "e.g. rule: price-mismatch, product: \"sku:BA-1042\"")
            }
            guard let reason, !reason.isEmpty else {
                throw element.error("a suppression needs a reason", hint: "say why the finding is accepted; it is shown in the report")
            }
            list.append(Suppression(rule: rule, product: product, reason: reason, expires: expires, fingerprint: fingerprint,
                                    channel: channel))
        }
        return list
    }

    static func gate(_ node: ConfigNode?) throws(ConfigError) -> AuditConfig.Gate {
        var gate = AuditConfig.Gate(failOn: .error, minCoverage: 0.9)
        guard let node else { return gate }
        for (key, value) in try node.mapping(allowed: ["fail-on", "fail-on-new", "min-coverage", "min-field-coverage",
                                                       "min-products-ratio"]) {
            switch key {
            case "min-products-ratio":
                gate.minProductsRatio = try value.number()
                guard (0...1).contains(gate.minProductsRatio) else { throw value.error("min-products-ratio must be between 0 and 1") }
            case "fail-on-new": gate.failOnNew = try value.word(["true", "false"]) == "true"
            case "fail-on": gate.failOn = Severity(rawValue: try value.word(["error", "warning", "notice", "never"]))
            case "min-coverage":
                gate.minCoverage = try value.number()
                guard (0...1).contains(gate.minCoverage) else { throw value.error("min-coverage must be between 0 and 1") }
            default:
                gate.minFieldCoverage = try value.number()
                guard (0...1).contains(gate.minFieldCoverage) else { throw value.error("min-field-coverage must be between 0 and 1") }
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
                for element in try value.elements() { report.formats.append(try element.word(Reporters.formats)) }
            }
        }
        return report
    }
}

/// Reading tolerance numbers strictly: digits with one optional `.` (no exponent, no sign, no locale).
enum Tolerance {
    static func decimal(_ text: String) -> Decimal? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            text.filter({ $0 == "." }).count <= 1, text != "."
        else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}
