import Foundation
import Normalize

/// Turns a link in a mail into the product URL it leads to, without fetching anything (a fetch would count as a
/// click): the target of a click-tracking redirector is read from the link itself when it carries one (Google
/// `url?q=`, `url=`/`redirect=`/`u=` parameters, a base64 URL in a parameter or path segment), tracking
/// parameters (`utm_*`, click ids of Mailchimp, HubSpot, Klaviyo, Salesforce Marketing Cloud …) are dropped,
/// and a link whose target cannot be read from it (an opaque SendGrid or Mailchimp click link, a short link)
/// is reported as such.
public enum LinkUnwrapper {
    /// What a link turned out to be.
    public enum Outcome: Hashable, Sendable {
        /// A URL on a web site, normalised (tracking parameters dropped).
        case url(String)
        /// A tracking or short link whose target is not in the link; never followed.
        case opaque(host: String)
        /// `mailto:`, `tel:`, an anchor, an unsubscribe or view-in-browser link: no product.
        case ignored
    }

    /// Parameters that carry the target URL in redirectors.
    static let targetParameters = ["q", "url", "u", "redirect", "redirect_url", "redirect_uri", "target", "dest",
                                   "destination", "link", "goto", "r", "to", "out", "href", "l"]
    /// Query parameters of ESPs that identify a recipient or a click, never a product.
    static let clickParameters: Set<String> = [
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp", "hsctatracking", "_kx", "_ke",
        "et_rid", "et_cid", "sfmc_id", "sfmc_sub", "sfmc_activityid", "j", "sfmc_s", "cmp", "cmpid", "ecid",
        "gclid", "gbraid", "wbraid", "dclid", "fbclid", "msclkid", "yclid", "twclid", "ttclid", "igshid", "mkt_tok",
        "trk", "trkid", "ss_source", "ss_campaign_id", "ss_email_id", "sc_cid", "vero_id", "vero_conv", "bxid",
        "oly_enc_id", "oly_anon_id", "rb_clickid", "s_cid", "emc", "_bta_tid", "_bta_c", "srsltid", "_ga", "_gl",
    ]
    /// Hosts (suffixes) of click trackers and short links whose links do not carry their target.
    static let opaqueHosts = [
        "list-manage.com", "mailchi.mp", "sendgrid.net", "ct.sendgrid.net", "klclick.com", "klclick1.com",
        "klclick2.com", "klclick3.com", "klaviyomail.com", "trk.klaviyo.com", "exacttarget.com", "hubspotlinks.com",
        "hs-sites.com", "hubspotemail.net", "bit.ly", "t.co", "goo.gl", "tinyurl.com", "ow.ly", "rebrand.ly",
        "mandrillapp.com", "mailgun.org", "sparkpostmail.com", "rs6.net", "cmail19.com", "cmail20.com",
        "createsend1.com", "email.mg", "links.iterable.com", "amazonses.com", "awstrack.me", "mjt.lu",
        "sendinblue.com", "brevo.com", "sendibt3.com", "r.mail", "clicks.aweber.com", "e.customeriomail.com",
    ]
    static let ignoredWords = ["unsubscribe", "disiscri", "cancella", "abmelden", "desinscri", "desuscri",
                               "optout", "opt-out", "preferences", "preferenze", "view-in-browser", "webversion",
                               "view_online", "viewonline", "browser"]

    /// Unwraps a link.
    public static func unwrap(_ link: String) -> Outcome {
        unwrap(link.trimmingCharacters(in: .whitespacesAndNewlines), depth: 0)
    }

    private static func unwrap(_ link: String, depth: Int) -> Outcome {
        let lower = link.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"),
            let components = URLComponents(string: link), let host = components.host?.lowercased()
        else { return .ignored }
        if depth < 4 {
            for name in targetParameters {
                for item in components.queryItems ?? [] where item.name.lowercased() == name {
                    if let value = item.value, let target = embeddedURL(value) { return unwrap(target, depth: depth + 1) }
                }
            }
            for segment in components.path.split(separator: "/") where segment.count >= 16 {
                if let target = embeddedURL(String(segment)) { return unwrap(target, depth: depth + 1) }
            }
        }
        if opaqueHosts.contains(where: { host == $0 || host.hasSuffix("." + $0) })
            || host.hasPrefix("click.") || host.hasPrefix("clicks.") || host.hasPrefix("links.")
            || host.hasPrefix("track.") || host.hasPrefix("trk.") || host.hasPrefix("email.")
            || host.hasPrefix("cl.")
        {
            return .opaque(host: host)
        }
        if ignoredWords.contains(where: { lower.contains($0) }) { return .ignored }
        return .url(clean(components))
    }

    /// A URL written in a parameter or a path segment: plain, percent-encoded, or base64 (standard or URL-safe).
    static func embeddedURL(_ value: String) -> String? {
        let decoded = value.removingPercentEncoding ?? value
        let lower = decoded.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return decoded }
        if lower.hasPrefix("http%3a") || lower.hasPrefix("https%3a") { return decoded.removingPercentEncoding }
        var base64 = decoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard decoded.count >= 16, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        let textLower = text.lowercased()
        return textLower.hasPrefix("http://") || textLower.hasPrefix("https://") ? text : nil
    }

    /// The URL without tracking parameters, normalised for matching.
    static func clean(_ components: URLComponents) -> String {
        var copy = components
        let kept = (components.queryItems ?? []).filter { item in
            let name = item.name.lowercased()
            return !name.hasPrefix("utm_") && !clickParameters.contains(name)
        }
        copy.queryItems = kept.isEmpty ? nil : kept
        copy.fragment = nil
        let text = copy.string ?? components.string ?? ""
        return URLNormalizer.normalize(text) ?? text
    }
}
