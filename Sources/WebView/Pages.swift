import Digest
import Foundation
import Hummingbird
import Storage

/// The HTML pages of the web view, in the digest's style (``HTMLPage``). Every piece of feed text
/// goes through ``Markup/escape(_:)`` and every external link through ``SafeURL``.
enum Pages {
    static let nav: [(label: String, href: String)] = [
        ("Stories", "/"), ("Feeds", "/feeds"), ("Digest", "/digest.html"), ("Atom", "/digest.atom"),
        ("RSS", "/digest.rss"), ("JSON Feed", "/digest.json"),
    ]
    static let sinceChoices: [(value: String, label: String)] = [
        ("24h", "last 24 hours"), ("3d", "last 3 days"), ("7d", "last 7 days"), ("30d", "last 30 days"), ("all", "all time"),
    ]

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"],
                 body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func errorResponse(status: HTTPResponse.Status, message: String?) -> Response {
        let title = "\(status.code) \(status.reasonPhrase)"
        var body = "<header class=\"top\"><h1>\(Markup.escape(title))</h1></header>\n"
        body += "<p class=\"error\">\(Markup.escape(message ?? "Nothing here."))</p>\n<p><a href=\"/\">Back to the stories</a></p>\n"
        return html(HTMLPage.render(title: title + " · Syndic", body: body, nav: nav), status: status)
    }

    /// `/`: the filter form, then one card per story linking to its page.
    static func stories(_ items: [DigestItem], since: String, minSources: Int, limit: Int, tag: String? = nil) -> String {
        var body = "<header class=\"top\"><h1>Stories</h1>\n<p class=\"meta\">\(items.count) \(items.count == 1 ? "story" : "stories")"
        if items.count == limit { body += " (the first \(limit))" }
        if let tag { body += " from feeds tagged <span class=\"badge\">\(Markup.escape(tag))</span> (<a href=\"/\">all</a>)" }
        body += ", most sources first</p></header>\n"
        body += "<form class=\"filters\" method=\"get\" action=\"/\">\n"
        if let tag { body += "<input type=\"hidden\" name=\"tag\" value=\"\(Markup.escape(tag))\">\n" }
        body += "<label>Seen in the <select name=\"since\">"
        var choices = sinceChoices
        if !choices.contains(where: { $0.value == since }) { choices.insert((since, since), at: 0) }
        for choice in choices {
            body += "<option value=\"\(Markup.escape(choice.value))\"\(choice.value == since ? " selected" : "")>\(Markup.escape(choice.label))</option>"
        }
        body += "</select></label>\n<label>Sources at least <select name=\"min-sources\">"
        for n in Set([1, 2, 3, 4, 5, minSources]).sorted() {
            body += "<option value=\"\(n)\"\(n == minSources ? " selected" : "")>\(n)</option>"
        }
        body += "</select></label>\n<button type=\"submit\">Show</button>\n</form>\n<main>\n"
        if items.isEmpty {
            body += "<p>No stories match. Poll your feeds with <code>syndic poll</code>, or choose a wider window.</p>\n"
        }
        for item in items {
            body += HTMLDigestRenderer.article(item, headlineHref: "/story/\(item.storyID)", internalLink: true)
        }
        body += "</main>\n"
        return HTMLPage.render(title: "Stories · Syndic", body: body, nav: nav)
    }

    /// `/story/ID`: every copy with its similarity, then the representative's text.
    static func story(_ detail: StoryDetail) -> String {
        let item = DigestItem(detail)
        let story = detail.summary
        var body = "<header class=\"top\"><h1>\(HTMLPage.link(item.headline, to: item.link))</h1>\n"
        body += "<p class=\"meta\"><span class=\"badge\">\(item.sourceCount) \(item.sourceCount == 1 ? "source" : "sources")</span> "
        body += "first seen \(HTMLPage.time(item.firstSeenAt)) · last seen \(HTMLPage.time(item.lastSeenAt))</p></header>\n"
        body += "<main>\n<article class=\"story\">\n<h2>Copies</h2>\n<ul class=\"sources\">\n"
        for (source, copy) in zip(item.sources, story.copies) {
            let representative = copy.entryID == story.representativeEntryID
            body += "<li><span class=\"site\">\(HTMLPage.link(source.site, to: source.url))</span>"
            if representative { body += " <span class=\"badge\">representative</span>" }
            body += "<br>\(Markup.escape(source.title))<br><span class=\"meta\">"
            if let published = copy.publishedAt { body += "published \(HTMLPage.time(published)) · " }
            body += "seen \(HTMLPage.time(copy.firstSeenAt))"
            if let similarity = copy.similarity { body += String(format: " · similarity %.2f", similarity) }
            if copy.url != nil && source.url == nil { body += " · link hidden (not http or https)" }
            body += "</span></li>\n"
        }
        body += "</ul>\n</article>\n<article class=\"story text\">\n<h2>Text</h2>\n"
        let paragraphs = RepresentativeText.paragraphs(detail)
        if paragraphs.isEmpty { body += "<p class=\"meta\">No text: the feed gave none and the page was not extracted.</p>\n" }
        for paragraph in paragraphs { body += "<p>\(Markup.escape(paragraph))</p>\n" }
        body += "</article>\n</main>\n"
        return HTMLPage.render(title: item.headline + " · Syndic", body: body, nav: nav)
    }

    /// `/feeds`: each subscription's last fetch, status, error and next fetch.
    static func feeds(_ listings: [FeedListing], now: Date) -> String {
        var body = "<header class=\"top\"><h1>Feeds</h1>\n<p class=\"meta\">\(listings.count) \(listings.count == 1 ? "subscription" : "subscriptions") · times in UTC</p></header>\n<main>\n"
        if listings.isEmpty {
            body += "<p>No subscriptions yet. Add one with <code>syndic feeds add URL</code>.</p>\n"
        } else {
            for listing in listings {
                let feed = listing.feed
                let name = PlainText.singleLine(PlainText.fromHTML(feed.title ?? ""))
                body += "<article class=\"story\">\n<h2>\(Markup.escape(name.isEmpty ? feed.url : name))</h2>\n"
                body += "<p class=\"meta\">\(HTMLPage.link(feed.url, to: feed.url)) · \(listing.entryCount) \(listing.entryCount == 1 ? "entry" : "entries")"
                for tag in feed.tags { body += " <a class=\"badge\" href=\"/?tag=\(Markup.escape(PublicAddress.percentEncoded(tag)))\">\(Markup.escape(tag))</a>" }
                body += "</p>\n"
                body += "<ul class=\"sources\">\n<li>Status: \(status(feed, now: now))</li>\n"
                body += "<li>Last fetch: \(feed.lastFetchedAt.map(HTMLPage.time) ?? "never")</li>\n"
                body += "<li>Next fetch: \(feed.disabledReason == nil ? (feed.nextFetchAt.map(HTMLPage.time) ?? "at the next poll") : "none (disabled)")</li>\n"
                body += "</ul>\n</article>\n"
            }
        }
        body += "</main>\n"
        return HTMLPage.render(title: "Feeds · Syndic", body: body, nav: nav)
    }

    static func status(_ feed: Feed, now: Date) -> String {
        if let reason = feed.disabledReason {
            return "<span class=\"error\">disabled: \(Markup.escape(reason))</span>"
        }
        var out = feed.lastStatus.map { "HTTP \($0)" } ?? (feed.lastFetchedAt == nil ? "not fetched yet" : "no response")
        if feed.consecutiveFailures > 0 {
            out += " <span class=\"error\">\(feed.consecutiveFailures) failure\(feed.consecutiveFailures == 1 ? "" : "s")"
            if let error = feed.lastError { out += ": \(Markup.escape(error))" }
            if let since = feed.failingSince, now.timeIntervalSince(since) >= 7 * 86_400 { out += " (failing for a week or more)" }
            out += "</span>"
        }
        return out
    }
}
