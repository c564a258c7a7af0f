import AuditModel
import Fetch
import Foundation
import Mail

/// A promo e-mail channel (`kind: email`): `.eml` files, an mbox, a Maildir or a folder of them, and/or an IMAP
/// mailbox read without marking anything as read. Each advertised price becomes an observation of its product
/// (by link or SKU) carrying what the message promised; messages that cannot be read are failed inputs.
public struct EmailChannel: ChannelSource {
    /// Local mail inputs (absolute paths).
    public var sources: [String]
    /// The IMAP mailbox, when configured.
    public var imap: IMAPSettings?
    /// The file listing the promo codes the shop publishes as active (`codes:`), when configured.
    public var codes: String? = nil

    /// Product fields: a promo message states prices for some products only.
    public var deliveredFields: [DeliveredField] { [] }

    public func read(_ environment: SourceEnvironment) -> ChannelRead {
        var coverage = ChannelCoverage(channel: environment.name)
        let reader = PromoReader(extractor: MessageObservations.extractor(environment))
        var document = PromoReader.Document()
        for source in sources {
            // Message by message: an mbox of any size is never whole in memory.
            let problems = MailInputs.each(source, shown: environment.paths.display(source)) { reader.message($0, into: &document) }
            for (input, reason) in problems { coverage.failed.append(.init(input: input, reason: reason)) }
        }
        if let imap {
            do {
                // One message at a time; those read before a failure are kept.
                try IMAPMailbox(settings: imap).fetchEach { message in
                    reader.message(MailEntry(source: imap.redactedURL, locator: "uid \(message.uid)", bytes: message.bytes), into: &document)
                }
            } catch {
                coverage.failed.append(.init(input: imap.redactedURL, reason: error.description))
            }
        }
        var read = MessageObservations.read(document, channel: environment.name, coverage: &coverage)
        read.publishedCodes = codes.flatMap { PublishedCodeList.read($0, shown: environment.paths.display($0), into: &read.coverage) }
        return read
    }
}

/// An SMS campaign channel (`kind: sms`): exports as CSV (timestamp, sender, text) or one message per line.
public struct SMSChannel: ChannelSource {
    /// The export files (absolute paths).
    public var sources: [String]
    /// The file listing the promo codes the shop publishes as active (`codes:`), when configured.
    public var codes: String? = nil

    /// Product fields: none required.
    public var deliveredFields: [DeliveredField] { [] }

    public func read(_ environment: SourceEnvironment) -> ChannelRead {
        var coverage = ChannelCoverage(channel: environment.name)
        let reader = PromoReader(extractor: MessageObservations.extractor(environment))
        let document = reader.sms(sources.map { (path: $0, shown: environment.paths.display($0)) })
        var read = MessageObservations.read(document, channel: environment.name, coverage: &coverage)
        read.publishedCodes = codes.flatMap { PublishedCodeList.read($0, shown: environment.paths.display($0), into: &read.coverage) }
        return read
    }
}

/// Turns the promos of messages into observations: one per advertised price, keyed by the product's link and
/// SKU, with the message's code, percent off, validity and send date as its `promo` and its free-shipping
/// threshold as its `shipping`. A price with neither link nor SKU is reported, never dropped.
enum MessageObservations {
    static func extractor(_ environment: SourceEnvironment) -> PromoExtractor {
        PromoExtractor(defaultCurrency: environment.currency, locale: environment.shop.locale,
                       timeZone: TimeZone(identifier: environment.shop.timezone) ?? .gmt, reference: environment.asOf ?? Date())
    }

    static func read(_ document: PromoReader.Document, channel: String, coverage: inout ChannelCoverage) -> ChannelRead {
        var observations: [Observation] = []
        var inputs: Set<String> = []
        for problem in document.problems {
            coverage.failed.append(.init(input: problem.position.isEmpty ? problem.source : "\(problem.source) \(problem.position)",
                                         reason: problem.message))
        }
        var promises: [MessagePromise] = []
        for record in document.messages {
            inputs.insert(record.source + "\u{0}" + record.message)
            for promo in record.promos {
                if let promise = promise(promo, record: record, channel: channel) { promises.append(promise) }
                for advertised in promo.prices {
                    let key = ProductKey(sku: advertised.product.sku?.value, url: advertised.product.url?.value)
                    guard !key.isEmpty else {
                        coverage.problems.append(Problem(
                            source: record.source, position: advertised.price.evidence.locator,
                            message: "advertised price \(advertised.price.value) belongs to no product link or SKU"
                                + (advertised.product.opaqueLink.map { " (its link \($0) is a tracking link, not followed)" } ?? "")))
                        continue
                    }
                    observations.append(observation(advertised, promo: promo, record: record, channel: channel, key: key))
                }
            }
        }
        coverage.read = inputs.count
        coverage.products = observations.count
        var read = ChannelRead(observations: observations, coverage: coverage, failedURLs: [])
        read.promises = promises
        return read
    }

    /// The promise of a promo as a value: its code, the given percent, amount off, validity window and send date.
    static func value(_ promo: MessagePromo, percent: Observed<String>?, sent: Date?) -> Promo {
        let window = DateWindow(start: promo.validFrom?.value, end: promo.validUntil?.value)
        return Promo(code: promo.code?.value,
                     percentOff: percent.flatMap { Decimal(string: $0.value, locale: Locale(identifier: "en_US_POSIX")) },
                     amountOff: promo.amountOff?.value,
                     valid: window.start == nil && window.end == nil ? nil : window, sent: sent)
    }

    /// What the promo promises as a whole, when it states a code, a validity or a free-shipping threshold.
    static func promise(_ promo: MessagePromo, record: MessagePromos, channel: String) -> MessagePromise? {
        guard promo.code != nil || promo.validUntil != nil || promo.freeShippingOver != nil else { return nil }
        let value = self.value(promo, percent: promo.percentOff, sent: record.sent?.value)
        guard let evidence = promo.validUntil?.evidence ?? promo.code?.evidence ?? promo.freeShippingOver?.evidence else { return nil }
        return MessagePromise(
            channel: channel, message: Evidence(source: record.source, locator: record.message, raw: record.subject ?? ""),
            promo: Observed(value, evidence), code: promo.code, freeShippingOver: promo.freeShippingOver,
            hasProducts: promo.prices.contains { !ProductKey(sku: $0.product.sku?.value, url: $0.product.url?.value).isEmpty })
    }

    static func observation(_ advertised: AdvertisedPrice, promo: MessagePromo, record: MessagePromos, channel: String,
                            key: ProductKey) -> Observation {
        let origin = Evidence(source: record.source, locator: record.message, raw: record.subject ?? "")
        var observation = Observation(channel: channel, key: key, origin: origin, title: advertised.product.name,
                                      price: advertised.price, listPrice: advertised.listPrice)
        // A percent beside the product, or a sale on everything; a code's percent is taken at checkout, so the
        // site's prices do not show it.
        let percent = advertised.percentOff ?? (promo.code == nil ? promo.percentOff : nil)
        let value = self.value(promo, percent: percent, sent: record.sent?.value)
        let evidence = advertised.percentOff?.evidence ?? promo.validUntil?.evidence ?? promo.code?.evidence
            ?? percent?.evidence ?? advertised.price.evidence
        observation.promo = Observed(value, evidence)
        if let window = value.valid, let validity = promo.validUntil ?? promo.validFrom {
            observation.saleWindow = Observed(window, validity.evidence)
        }
        if let over = promo.freeShippingOver {
            observation.shipping = Observed(ShippingTerms(isFree: false, freeOver: over.value), over.evidence)
        }
        return observation
    }
}

/// Reads the list of promo codes a shop publishes (`codes:`): a text file with one code per line (`#` comments),
/// or a CSV whose header has a `code` (or `codice`, `coupon`) column. A list that cannot be read is a failed
/// input of the channel, and `promo-code-unknown` then checks nothing.
enum PublishedCodeList {
    static func read(_ path: String, shown: String, into coverage: inout ChannelCoverage) -> PublishedCodes? {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            coverage.failed.append(.init(input: shown, reason: "the list of published promo codes cannot be read as UTF-8 text"))
            return nil
        }
        var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        var column = 0
        if let header = lines.first, header.contains(",") || header.contains(";") {
            let names = header.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let index = names.firstIndex(where: { ["code", "codice", "coupon", "codes", "promo_code"].contains($0) }) else {
                coverage.failed.append(.init(input: shown, reason: "a CSV of promo codes needs a 'code' column (header: \(header))"))
                return nil
            }
            column = index
            lines.removeFirst()
        }
        let codes = lines.compactMap { line -> String? in
            let cells = line.split(separator: line.contains(";") ? ";" : ",", omittingEmptySubsequences: false)
            guard cells.indices.contains(column) else { return nil }
            let code = cells[column].trimmingCharacters(in: CharacterSet(charactersIn: "\" ").union(.whitespaces))
            return code.isEmpty ? nil : code
        }
        guard !codes.isEmpty else {
            coverage.failed.append(.init(input: shown, reason: "the list of published promo codes is empty"))
            return nil
        }
        coverage.read += 1
        return PublishedCodes(codes: Set(codes), source: shown)
    }
}
