@testable import Fetch
import Testing

@Suite("robots.txt rules")
struct RobotsRulesTests {
    static let text = """
        # comment
        User-agent: *
        Disallow: /private/
        Allow: /private/ok$
        Disallow: /*.pdf$
        Disallow: /search?q=
        Crawl-delay: 2

        User-agent: OmniAudit
        User-agent: other
        Disallow: /cart
        Allow: /cart/public
        Crawl-delay: 0.5

        Sitemap: https://shop.example/sitemap.xml
        Sitemap: https://shop.example/sitemap-2.xml.gz
        """

    @Test("the group naming our token applies, not the * group")
    func ownGroup() {
        let rules = RobotsRules.parse(Self.text, token: "omniaudit")
        #expect(rules.verdict(path: "/private/x").allowed)
        #expect(!rules.verdict(path: "/cart/1").allowed)
        #expect(rules.verdict(path: "/cart/public/x").allowed)
        #expect(rules.crawlDelay == 0.5)
        #expect(rules.sitemaps == ["https://shop.example/sitemap.xml", "https://shop.example/sitemap-2.xml.gz"])
    }

    @Test("the * group: longest match wins, $ anchors, * matches any run, queries are matched")
    func starGroup() {
        let rules = RobotsRules.parse(Self.text, token: "somebot")
        #expect(rules.verdict(path: "/private/x") == (false, "Disallow: /private/"))
        #expect(rules.verdict(path: "/private/ok").allowed)
        #expect(!rules.verdict(path: "/private/ok/more").allowed)
        #expect(!rules.verdict(path: "/docs/a.pdf").allowed)
        #expect(rules.verdict(path: "/docs/a.pdf?x=1").allowed)
        #expect(!rules.verdict(path: "/search?q=shoes").allowed)
        #expect(rules.verdict(path: "/p/1").allowed)
        #expect(rules.verdict(path: "/robots.txt").allowed)
        #expect(rules.crawlDelay == 2)
    }

    @Test("Allow wins a tie of equal length; an empty Disallow allows everything")
    func ties() {
        let rules = RobotsRules.parse("User-agent: *\nDisallow: /a\nAllow: /a\nDisallow:\n", token: "x")
        #expect(rules.verdict(path: "/a").allowed)
        #expect(RobotsRules.parse("User-agent: *\nDisallow:\n", token: "x").verdict(path: "/anything").allowed)
    }

    @Test("wildcard matching")
    func wildcards() {
        #expect(RobotsRules.matches(pattern: "/*/shoes", path: "/it/shoes/red"))
        #expect(RobotsRules.matches(pattern: "/*shoes*red$", path: "/x/shoes-big-red"))
        #expect(!RobotsRules.matches(pattern: "/*shoes*red$", path: "/x/shoes-big-red/1"))
        #expect(RobotsRules.matches(pattern: "*", path: "/"))
        #expect(!RobotsRules.matches(pattern: "/a$", path: "/ab"))
    }
}
