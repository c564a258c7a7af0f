import Foundation
import Testing
import Fetch
@testable import OmniAudit

/// `kind: email` over IMAP against a real dovecot: the audit reads every message and marks none as read.
@Suite(.serialized) struct IMAPChannelTests {
    @Test func auditReadsPromosOverIMAPAndLeavesEveryMessageUnseen() throws {
        let promos = ["it-mailchimp-black-friday.eml", "en-klaviyo-winter.eml"].map {
            URL(fileURLWithPath: Paths.repo("fixtures/emails/promos/\($0)"))
        }
        let server = try Dovecot(messages: promos + [URL(fileURLWithPath: Paths.repo("fixtures/emails/quirks/not-a-message.eml"))])
        defer { server.stop() }
        #expect(server.messageFiles().count == 3)
        #expect(server.seenFiles().isEmpty)

        setenv("OMNIAUDIT_TEST_IMAP_USER", server.user, 1)
        setenv("OMNIAUDIT_TEST_IMAP_PASSWORD", server.password, 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-imap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = """
            version: 1
            shop: { name: Bottega Aurora, currency: EUR, locale: it-IT, timezone: Europe/Rome }
            match: [sku, url]
            channels:
              app:
                kind: feed
                format: json
                source: \(Paths.repo("fixtures/demo-shop/app/products.json"))
                items: "data.products[]"
                fields: { sku: id, title: name, price: pricing.sale, list_price: pricing.list, currency: pricing.currency, url: links.web }
              newsletter:
                kind: email
                imap: { url: "\(server.url)", user-env: OMNIAUDIT_TEST_IMAP_USER, password-env: OMNIAUDIT_TEST_IMAP_PASSWORD, search: "SINCE 1-Nov-2026" }
            report: { out: \(folder.path), formats: [json] }

            """
        try yaml.write(to: folder.appendingPathComponent("omniaudit.yml"), atomically: true, encoding: .utf8)
        var audit = Audit(config: try ConfigLoader.load(path: folder.appendingPathComponent("omniaudit.yml").path), version: "0")
        audit.asOf = "2026-11-18"
        let report = audit.run()
        let coverage = try #require(report.coverage["newsletter"])
        #expect(coverage.read == 2)
        #expect(coverage.failed.map(\.input) == ["imap://127.0.0.1:\(server.port)/INBOX uid 3"])
        #expect(coverage.failed.first?.reason == "not a MIME message (no header block)")
        #expect(report.findings.contains { $0.rule == "promo-price-not-honoured" && $0.product == "sku:BA-1004" })
        // The password never reaches the report.
        _ = try ReportWriter.write(report, formats: ["json"], to: folder.path)
        let json = try String(contentsOf: folder.appendingPathComponent("omniaudit.json"), encoding: .utf8)
        #expect(!json.contains(server.password))
        // Nothing was marked as read.
        #expect(server.messageFiles().count == 3)
        #expect(server.seenFiles().isEmpty, "\(server.messageFiles())")
    }

    /// IMAPS with the shop's own CA (`ca-file:`): read, nothing marked as read; without the CA the certificate is
    /// refused, the mailbox is a failed input naming the server, and no password goes over an unverified link.
    @Test func imapsVerifiesTheCertificateWithTheConfiguredCA() throws {
        let server = try Dovecot(messages: [URL(fileURLWithPath: Paths.repo("fixtures/emails/promos/it-mailchimp-black-friday.eml"))], tls: true)
        defer { server.stop() }
        #expect(server.url.hasPrefix("imaps://"))
        setenv("OMNIAUDIT_TEST_IMAP_USER", server.user, 1)
        setenv("OMNIAUDIT_TEST_IMAP_PASSWORD", server.password, 1)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("omniaudit-imaps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func audit(caFile: String?) throws -> ChannelCoverage? {
            let yaml = """
                version: 1
                shop: { name: Bottega Aurora, currency: EUR, locale: it-IT, timezone: Europe/Rome }
                match: [sku, url]
                channels:
                  app:
                    kind: feed
                    format: json
                    source: \(Paths.repo("fixtures/demo-shop/app/products.json"))
                    items: "data.products[]"
                    fields: { sku: id, title: name, price: pricing.sale, currency: pricing.currency, url: links.web }
                  newsletter:
                    kind: email
                    imap: { url: "\(server.url)", user-env: OMNIAUDIT_TEST_IMAP_USER, password-env: OMNIAUDIT_TEST_IMAP_PASSWORD\(caFile.map { ", ca-file: \"\($0)\"" } ?? "") }
                report: { out: \(folder.path), formats: [json] }

                """
            try yaml.write(to: folder.appendingPathComponent("omniaudit.yml"), atomically: true, encoding: .utf8)
            var audit = Audit(config: try ConfigLoader.load(path: folder.appendingPathComponent("omniaudit.yml").path), version: "0")
            audit.asOf = "2026-11-18"
            return audit.run().coverage["newsletter"]
        }
        let trusted = try #require(try audit(caFile: server.caFile))
        #expect(trusted.read == 1 && trusted.failed.isEmpty, "\(trusted.failed)")
        #expect(trusted.products > 0)
        #expect(server.seenFiles().isEmpty, "\(server.messageFiles())")

        let untrusted = try #require(try audit(caFile: nil))
        #expect(untrusted.read == 0)
        #expect(untrusted.failed.map(\.input) == ["imaps://127.0.0.1:\(server.port)/INBOX"])
        #expect(untrusted.failed.first.map { $0.reason.lowercased().contains("certificate") || $0.reason.lowercased().contains("ssl") } == true,
                "\(untrusted.failed)")
    }

    @Test func messagesFetchedBeforeAFailureAreHandedOn() throws {
        // The server goes away after the first message: that message has been handed on, one at a time, and the
        // failure is still an error (the audit lists the mailbox as failed and keeps what it read).
        let promos = ["it-mailchimp-black-friday.eml", "en-klaviyo-winter.eml"].map {
            URL(fileURLWithPath: Paths.repo("fixtures/emails/promos/\($0)"))
        }
        let server = try Dovecot(messages: promos)
        defer { server.stop() }
        let settings = IMAPSettings(url: server.url, user: server.user, password: server.password)
        var handed: [Int] = []
        #expect(throws: (any Error).self) {
            try IMAPMailbox(settings: settings).fetchEach { message in
                handed.append(message.uid)
                server.stop()
            }
        }
        #expect(handed.count == 1)
    }

    @Test func wrongPasswordIsAFailedInputNotACrash() throws {
        let server = try Dovecot(messages: [])
        defer { server.stop() }
        let settings = IMAPSettings(url: server.url, user: server.user, password: "wrong")
        #expect(throws: (any Error).self) { try IMAPMailbox(settings: settings).fetchAll() }
    }
}
