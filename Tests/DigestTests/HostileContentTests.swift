import Foundation
import Storage
import Testing
import TestSupport
@testable import Digest

/// A feed that tries everything: script tags, event handlers, javascript: and data: links, CSS and
/// comment injection, terminal escapes. Every format must come out inert.
@Suite("Hostile content")
struct HostileContentTests {
    static let hostileTitle = "<script>alert('t')</script><img src=x onerror=alert(1)>Pwned --><style>body{display:none}</style> \u{1B}[2J"
    static let hostileBody = """
        <p onclick="alert(2)">Lead text <a href="javascript:alert(3)">click</a>.</p>
        <!-- --><script>alert(4)</script><iframe src="data:text/html,<script>alert(5)</script>"></iframe>
        <p style="background:url(javascript:alert(6))">Second &lt;script&gt;alert(7)&lt;/script&gt; sentence.</p>
        """
    static let hostileArticle = "Plain <script>alert(8)</script> text. Then </style><b onmouseover=alert(9)>bold</b>. Third -->  ]]> end."

    static func document() async throws -> DigestDocument {
        let world = try StoryWorld()
        try await world.addStory([
            .init(site: "evil.example", title: hostileTitle, url: "javascript:alert(10)", published: Clock.at(hours: 1),
                  contentHTML: hostileBody),
            .init(site: "evil2.example", title: "</title><script>alert(11)</script>", url: "data:text/html;base64,PHNjcmlwdD4=",
                  summaryHTML: hostileBody),
            .init(site: "ok.example", title: "Fine \"quoted\" & 'single'", url: "https://ok.example/a\"onmouseover=\"alert(12)"),
        ], articleText: hostileArticle, at: Clock.at(hours: 2))
        try await world.addStory([.init(site: "evil.example", title: "Body only", contentHTML: hostileBody)], at: Clock.at(hours: 3))
        return DigestDocument(title: "<script>alert(13)</script>Digest", selfURL: "javascript:alert(14)",
                              identity: DigestIdentity(try await world.db.instance()), stories: try await world.db.storyDetails(StoryQuery()))
    }

    @Test("links with credentials are never written (a feed's secret, or a phishing disguise)")
    func credentialLinksDropped() {
        #expect(SafeURL.check("http://user:pass@127.0.0.1:8080/creds") == nil)
        #expect(SafeURL.check("https://bank.example@evil.example/login") == nil)
        #expect(SafeURL.check("https://user@news.example/") == nil)
        #expect(SafeURL.check("https://news.example/a?mail=me@example.org") == "https://news.example/a?mail=me@example.org")
        #expect(SafeURL.check("https://news.example/@handle") == "https://news.example/@handle")
    }

    /// No format may carry a dangerous URL scheme or a terminal escape, in any form.
    @Test("no javascript:, data: or escape characters survive in any format", arguments: DigestFormat.allCases)
    func noDangerousSchemes(_ format: DigestFormat) async throws {
        let output = format.render(try await Self.document())
        #expect(!output.lowercased().contains("javascript:"))
        #expect(!output.lowercased().contains("data:text"))
        #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
        #expect(!output.lowercased().contains("onmouseover=\"alert"))
    }

    @Test("HTML: no script, style injection, event handler or unsafe link reaches the DOM")
    func html() async throws {
        let html = HTMLDigestRenderer.render(try await Self.document())
        let doc = try #require(LibXMLDocument(html: html))
        let (elements, attributes) = doc.elementsAndAttributes()
        #expect(!elements.contains("script") && !elements.contains("iframe") && !elements.contains("img"))
        #expect(elements.filter { $0 == "style" }.count == 1)
        #expect(doc.strings("//style").first?.contains("display:none") == false)
        #expect(!attributes.contains { $0.0.hasPrefix("on") || $0.0 == "src" || $0.0 == "style" })
        for (name, value) in attributes where name == "href" {
            #expect(value.hasPrefix("https://") || value.hasPrefix("http://"), "href \(value)")
        }
        // The one legitimate link kept its text and lost its quote-breaking characters.
        #expect(attributes.contains { $0 == ("href", "https://ok.example/a%22onmouseover=%22alert%2812%29") })
        // Hostile text is still shown, as text.
        #expect(doc.strings("//p[@class='lead']").first?.contains("<script>alert(8)</script>") == true)
    }

    @Test("Atom, RSS: well-formed, and the HTML they carry has no active content")
    func feeds() async throws {
        let document = try await Self.document()
        for xml in [AtomRenderer.render(document), RSSRenderer.render(document)] {
            let doc = try #require(LibXMLDocument(xml: xml))
            let bodies = doc.strings("//atom:content") + doc.strings("//description")
            #expect(!bodies.isEmpty)
            for body in bodies {
                let inner = try #require(LibXMLDocument(html: "<html><body>\(body)</body></html>"))
                let (elements, attributes) = inner.elementsAndAttributes()
                #expect(!elements.contains("script") && !elements.contains("style") && !elements.contains("iframe"))
                #expect(!attributes.contains { $0.0.hasPrefix("on") || $0.0 == "style" || $0.0 == "src" })
            }
            // Titles are text with the markup removed: nothing a reader could take as a tag.
            for title in doc.strings("//atom:entry/atom:title") + doc.strings("//item/title") {
                #expect(!title.contains("<"), "title \(title)")
            }
        }
    }

    @Test("JSON Feed: content_html has no active content; urls only http(s)")
    func jsonFeed() async throws {
        let output = JSONFeedRenderer.render(try await Self.document())
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(feed["feed_url"] == nil)
        for item in try #require(feed["items"] as? [[String: Any]]) {
            if let url = item["url"] as? String { #expect(url.hasPrefix("https://")) }
            let html = try #require(item["content_html"] as? String)
            let inner = try #require(LibXMLDocument(html: "<html><body>\(html)</body></html>"))
            #expect(!inner.elementsAndAttributes().elements.contains("script"))
        }
    }

    @Test("Markdown: every <, [ and ( from a feed is escaped; links only http(s)")
    func markdown() async throws {
        let markdown = MarkdownRenderer.render(try await Self.document())
        let scalars = Array(markdown.unicodeScalars)
        for (i, c) in scalars.enumerated() where c == "<" {
            let escaped = i > 0 && scalars[i - 1] == "\\"
            let linkTarget = i > 1 && scalars[i - 1] == "(" && scalars[i - 2] == "]"
            #expect(escaped || linkTarget, "unescaped < at \(i)")
        }
        for line in markdown.split(separator: "\n") where line.contains("](<") {
            #expect(line.contains("](<https://") || line.contains("](<http://"))
        }
    }
}
