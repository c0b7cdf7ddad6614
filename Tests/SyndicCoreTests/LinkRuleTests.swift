import Testing
import SyndicCore

@Suite("LinkRule: URLs found in remote content")
struct LinkRuleTests {
    let page = LinkRule.Origin.content(of: "http://127.0.0.1:8080/page")

    @Test("remote content may only lead to http(s) with a host and no credentials")
    func remote() {
        #expect(LinkRule.refusal(of: "https://example.org/feed.xml", origin: page) == nil)
        #expect(LinkRule.refusal(of: "HTTP://example.org/", origin: page) == nil)
        #expect(LinkRule.refusal(of: "file:///tmp/secret.xml", origin: page) == .localFileFromRemote)
        #expect(LinkRule.refusal(of: "FILE:///etc/passwd", origin: page) == .localFileFromRemote)
        #expect(LinkRule.refusal(of: "javascript:alert(1)", origin: page) == .scheme("javascript"))
        #expect(LinkRule.refusal(of: "data:text/xml,<rss/>", origin: page) == .scheme("data"))
        #expect(LinkRule.refusal(of: "ftp://example.org/f", origin: page) == .scheme("ftp"))
        #expect(LinkRule.refusal(of: "http://user:pw@example.org/", origin: page) == .credentials)
        #expect(LinkRule.refusal(of: "http:///nohost", origin: page) == .notAURL)
        #expect(LinkRule.refusal(of: "/relative", origin: page) == .notAURL)
    }

    @Test("file URLs only from the user: typed, or linked from a local file they chose")
    func local() {
        #expect(LinkRule.allows("file:///srv/feeds/a.xml", origin: .commandLine))
        #expect(LinkRule.allows("file:///srv/pages/1.html", origin: .content(of: "file:///srv/feeds/a.xml")))
        #expect(!LinkRule.allows("javascript:x", origin: .commandLine))
        #expect(LinkRule.refusal(of: "javascript:x", origin: page)?.description.contains("never followed") == true)
    }
}
