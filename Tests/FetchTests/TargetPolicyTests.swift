import Fetch
import Foundation
import TestSupport
import Testing

/// The crawler's own checks: redirects from any response are http(s) only, on allowed hosts.
@Suite("Target policy in the crawler")
struct TargetPolicyTests {
    @Test("a redirect to file:// is refused even for a URL the caller named itself; the file is never read")
    func redirectToFileIsRefused() throws {
        let server = try FaultServer()
        defer { server.stop() }
        let url = server.url("/redirect?to=file:///etc/passwd")
        let result = Crawl.one(url, settings: Crawl.fast)
        #expect(result.error == .refused(url, reason: "redirect to file:///etc/passwd: scheme 'file:' refused: URLs from remote content must be http or https"))
        #expect(result.body.isEmpty)
    }

    @Test("a remote request to a host outside allowedHosts is refused before any connection")
    func hostOutsideTheChannel() throws {
        let server = try FaultServer()
        defer { server.stop() }
        var settings = Crawl.fast
        settings.obeyRobots = false
        settings.targets.allowedHosts = ["shop.example"]
        let crawler = Crawler(settings: settings)
        var error: FetchError?
        crawler.run([CrawlRequest(location: server.url("/p/1"), fromRemoteContent: true)]) { result in
            error = result.error
            return []
        }
        #expect(error == .refused(server.url("/p/1"), reason: "host '127.0.0.1' is not allowed for this channel (add it to allowed-hosts)"))
        #expect(try server.received().isEmpty)
    }

    @Test("private, loopback and link-local addresses are recognised; public ones are not")
    func privateAddresses() {
        for address in ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "::1", "::",
                        "fe80::1", "fd00::1", "::ffff:127.0.0.1", "localhost", "100.64.0.1"] {
            #expect(TargetPolicy.isPrivate(address: address), "\(address)")
        }
        for address in ["8.8.8.8", "172.32.0.1", "2001:4860::8888", "shop.example", "169.255.0.1"] {
            #expect(!TargetPolicy.isPrivate(address: address), "\(address)")
        }
    }
}
