import Foundation

/// A tiny world of two sites for poll tests: site A's RSS feed carries two full stories; site B's Atom
/// feed carries a lightly edited, summary-only copy of the first one, whose page is wrapped in chrome.
enum PollFixtures {
    static let bridgeStory = [
        "The city council of Marrowby voted on Tuesday to close the old Tannery Bridge to cars from next spring, after engineers found that corrosion had eaten into two of its four steel girders.",
        "The bridge, built in 1931, carries about 9,000 vehicles a day between the harbour district and the northern suburbs. Buses will be rerouted over the Quayside crossing, adding roughly eight minutes to the journey.",
        "Council leader Agnes Tolley said the decision was taken with a heavy heart but that safety could not wait for the full replacement, which is expected to cost 46 million pounds and take three years.",
        "Local shopkeepers on Tannery Row warned that the closure would cut their passing trade, and asked the council for a temporary footbridge and free parking in the harbour car parks while the work goes on.",
        "Engineers will inspect the structure every month until the closure begins, and the weight limit has been lowered to 7.5 tonnes with immediate effect, the council said in a statement.",
    ]

    static let orchardStory = [
        "Apple growers in the Wendle valley say this year's harvest is the smallest in two decades after a late frost in April killed most of the blossom in the higher orchards.",
        "The Wendle Fruit Cooperative, which buys from 140 farms, expects to press 38 percent less juice than last year and has already cancelled two export contracts with buyers in the Netherlands.",
        "Farmer Owen Brisk, whose family has grown apples near Hollin Cross since 1902, said he lost nine tenths of his Cox crop in one night and would not be able to pay his seasonal pickers this autumn.",
        "The regional agriculture office has opened an emergency loan scheme, offering interest-free credit of up to 20,000 pounds per farm, and is asking growers to register their losses by the end of the month.",
    ]

    static func rss(siteURL: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Site A News</title><link>\(siteURL)</link><description>A</description><ttl>60</ttl>
        <item><title>Marrowby to shut Tannery Bridge to cars</title><link>\(siteURL)bridge.html</link><guid>a-bridge</guid>
          <pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate>
          <content:encoded><![CDATA[\(bridgeStory.map { "<p>\($0)</p>" }.joined())]]></content:encoded></item>
        <item><title>Late frost halves Wendle apple harvest</title><link>\(siteURL)orchard.html</link><guid>a-orchard</guid>
          <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>
          <content:encoded><![CDATA[\(orchardStory.map { "<p>\($0)</p>" }.joined())]]></content:encoded></item>
        </channel></rss>
        """
    }

    /// Site B's Atom feed: the bridge story, summary only, with a relative link to its page.
    static func atom() -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Site B</title><id>urn:site-b</id><updated>2026-11-24T12:00:00Z</updated>
        <entry><title>Old Tannery Bridge closing to traffic, council says</title><id>urn:b:1</id>
          <link rel="alternate" href="b-bridge.html"/><updated>2026-11-24T12:00:00Z</updated>
          <summary>The council voted to close the old Tannery Bridge to cars next spring.</summary></entry>
        </feed>
        """
    }

    /// Site B's page for the copy: the story (dateline added, last paragraph dropped, "said" → "says")
    /// inside share counters, an author box and a comment form.
    static func pageB() -> String {
        var paragraphs = Array(bridgeStory.dropLast())
        paragraphs[0] = "MARROWBY (Wire) — " + paragraphs[0]
        paragraphs[2] = paragraphs[2].replacingOccurrences(of: "said", with: "says")
        return """
        <!DOCTYPE html><html lang="en"><head><title>Old Tannery Bridge closing to traffic | Site B</title>
        <meta property="og:title" content="Old Tannery Bridge closing to traffic"></head>
        <body><nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
        <div class="share-bar"><span class="count">0</span> <span class="count">51</span></div>
        <article><h1>Old Tannery Bridge closing to traffic, council says</h1>
        \(paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n"))
        </article>
        <div class="author-box"><h3>About Author</h3><p>Jo Penn covers transport for Site B.</p></div>
        <div id="respond" class="comment-respond"><h3>Leave a Reply</h3>
        <p>Your email address will not be published. Required fields are marked *</p>
        <form><textarea name="comment"></textarea></form></div>
        <footer>© Site B</footer></body></html>
        """
    }

    /// A temporary folder holding the two sites' files.
    static func writeSites() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("syndic-poll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try atom().write(to: dir.appendingPathComponent("b.xml"), atomically: true, encoding: .utf8)
        try pageB().write(to: dir.appendingPathComponent("b-bridge.html"), atomically: true, encoding: .utf8)
        try "this is <not> a feed at all {".write(to: dir.appendingPathComponent("garbage.xml"), atomically: true, encoding: .utf8)
        return dir
    }
}
