import Foundation
import Testing
@testable import Mail

/// Tracking links are unwrapped from the link itself, never fetched.
struct LinkUnwrapperTests {
    @Test(arguments: [
        ("https://www.google.com/url?q=https://shop.example/p/1%3Futm_source%3Dx&sa=D", "https://shop.example/p/1"),
        ("https://shop.example/p/1?utm_source=nl&utm_campaign=bf&mc_cid=1&mc_eid=2&color=red", "https://shop.example/p/1?color=red"),
        ("https://shop.example/p/1?_hsenc=p2&_hsmi=9&gclid=x&fbclid=y&_kx=z&et_rid=1", "https://shop.example/p/1"),
        ("https://click.shop.example/?url=https%3A%2F%2Fshop.example%2Fp%2F2%3Futm_medium%3Demail", "https://shop.example/p/2"),
        ("https://r.example/redirect?redirect_url=aHR0cHM6Ly9zaG9wLmV4YW1wbGUvcC8z", "https://shop.example/p/3"),
        ("https://l.example/c/aHR0cHM6Ly9zaG9wLmV4YW1wbGUvcC80P3V0bV9zb3VyY2U9eA", "https://shop.example/p/4"),
        ("HTTPS://Shop.Example/p/5#reviews", "https://shop.example/p/5"),
    ])
    func unwrapsToTheProductPage(link: String, expected: String) {
        #expect(LinkUnwrapper.unwrap(link) == .url(expected))
    }

    @Test(arguments: [
        "https://shop.us21.list-manage.com/track/click?u=1&id=2&e=3",
        "https://u123.ct.sendgrid.net/ls/click?upn=abc-DEF",
        "https://trk.klclick.com/ls/click?upn=u001.x",
        "https://click.e.shop.example/?qs=3f2a9c88",
        "https://t.hubspotlinks.com/Ctc/LX+113/abc",
        "https://bit.ly/3xYz",
    ])
    func opaqueTrackersAreNotFollowed(link: String) {
        guard case .opaque = LinkUnwrapper.unwrap(link) else {
            Issue.record("\(link) should be opaque")
            return
        }
    }

    @Test func nonWebLinksAreIgnored() {
        #expect(LinkUnwrapper.unwrap("mailto:help@shop.example") == .ignored)
        #expect(LinkUnwrapper.unwrap("tel:+390751234567") == .ignored)
        #expect(LinkUnwrapper.unwrap("https://shop.example/newsletter/unsubscribe?id=1") == .ignored)
        #expect(LinkUnwrapper.unwrap("javascript:alert(1)") == .ignored)
    }
}
