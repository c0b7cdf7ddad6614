import CLibXML2
import Digest
import FeedParsing
import Foundation
import Storage

/// Digest rendering: arbitrary story text through every format, and each rendering read back.
///
/// The input bytes are cut at 0x1F (ASCII unit separator) into the fields of up to three stories
/// (headline, article text, content HTML, summary HTML, then per copy a site, a title and a URL); dates
/// come from the field lengths, so they vary with the input and stay deterministic. Then each format is
/// rendered and checked:
/// - Atom, RSS and JSON Feed parse back with Syndic's own parser, not bozo, one entry per story, the
///   stable ids in order and every headline intact;
/// - the JSON digest is valid JSON with one story object per item;
/// - the HTML page has exactly one `<article>` per story, no `<script>` and no `javascript:`/`data:`
///   link, whatever markup the fields carried (libxml2's HTML parser counts them);
/// - Markdown has exactly one `## ` heading line per story, so no field can start a heading or break
///   out of its line.
enum DigestFuzzTarget {
    static let target = FuzzTarget(name: "digest", summary: "DigestFormat.render + parse back") { bytes in
        let document = DigestDocument(title: "Fuzz digest", selfURL: "https://digest.example/feed",
                                      homeURL: "https://digest.example/", identity: DigestIdentity(instanceID: "0123456789abcdef"),
                                      stories: stories(from: bytes))
        checkFeeds(document)
        checkJSON(document)
        checkHTML(document)
        checkMarkdown(document)
    }

    /// Splits the input into story fields (see the type's documentation).
    static func stories(from bytes: UnsafeBufferPointer<UInt8>) -> [StoryDetail] {
        var fields = bytes.split(separator: 0x1F, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var stories: [StoryDetail] = []
        var id: Int64 = 1
        while !fields.isEmpty, stories.count < 3 {
            func next() -> String { fields.isEmpty ? "" : fields.removeFirst() }
            let headline = next(), article = next(), content = next(), summary = next()
            let base = Date(timeIntervalSince1970: 1_700_000_000 + Double(headline.utf8.count * 3_600))
            var copies: [StoryCopy] = []
            for copyIndex in 0..<2 where !fields.isEmpty || copyIndex == 0 {
                let site = next(), title = next(), url = next()
                copies.append(StoryCopy(entryID: id + Int64(copyIndex), feedID: Int64(copyIndex + 1), site: site,
                                        title: title, url: url, publishedAt: base.addingTimeInterval(Double(title.utf8.count)),
                                        firstSeenAt: base, similarity: copyIndex == 0 ? 1 : 0.9))
            }
            let summaryRow = StorySummary(id: id, headline: headline, representativeEntryID: id, firstSeenAt: base,
                                          lastSeenAt: base.addingTimeInterval(60), updatedAt: base.addingTimeInterval(120),
                                          copies: copies)
            stories.append(StoryDetail(summary: summaryRow, articleText: article.isEmpty ? nil : article,
                                       contentHTML: content.isEmpty ? nil : content,
                                       summaryHTML: summary.isEmpty ? nil : summary))
            id += 10
        }
        return stories
    }

    static func checkFeeds(_ document: DigestDocument) {
        let expectedIDs = document.items.map(document.itemID)
        for format in [DigestFormat.atom, .rss, .jsonfeed] {
            let rendered = format.render(document)
            guard let parsed = try? FeedParser.parse(bytes: Array(rendered.utf8), url: "https://digest.example/feed") else {
                fatalError("\(format) digest does not parse:\n\(rendered)")
            }
            if !parsed.isFeed || parsed.bozo { fatalError("\(format) digest is bozo (\(parsed.bozoReason ?? "")):\n\(rendered)") }
            if parsed.entries.map(\.id) != expectedIDs.map(Optional.some) {
                fatalError("\(format) digest ids \(parsed.entries.map(\.id)) != \(expectedIDs)")
            }
            for (entry, item) in zip(parsed.entries, document.items) where entry.title != item.headline {
                fatalError("\(format) headline \(String(reflecting: item.headline)) read back as \(String(reflecting: entry.title))")
            }
        }
    }

    static func checkJSON(_ document: DigestDocument) {
        let rendered = DigestFormat.json.render(document)
        guard let object = try? JSONSerialization.jsonObject(with: Data(rendered.utf8)) as? [String: Any],
              let stories = object["stories"] as? [[String: Any]] else {
            fatalError("JSON digest is not an object with a stories array:\n\(rendered)")
        }
        if stories.count != document.items.count { fatalError("JSON digest has \(stories.count) stories, expected \(document.items.count)") }
    }

    static func checkHTML(_ document: DigestDocument) {
        let rendered = DigestFormat.html.render(document)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let parsed = rendered.withCString { htmlReadMemory($0, Int32(strlen($0)), "digest.html", "UTF-8", options) }
        guard let doc = parsed, let context = xmlXPathNewContext(doc) else { fatalError("HTML digest does not parse") }
        defer { xmlXPathFreeContext(context); xmlFreeDoc(doc) }
        func count(_ xpath: String) -> Int {
            guard let result = xmlXPathEvalExpression(xpath, context) else { fatalError("bad XPath \(xpath)") }
            defer { xmlXPathFreeObject(result) }
            return Int(result.pointee.nodesetval?.pointee.nodeNr ?? 0)
        }
        let articles = count("//article")
        if articles != document.items.count { fatalError("HTML digest has \(articles) <article>, expected \(document.items.count)") }
        let active = count("//script | //iframe | //object | //embed")
        if active != 0 { fatalError("HTML digest contains \(active) active elements") }
        let unsafe = count("//@href[starts-with(translate(normalize-space(.), 'JAVSCRIPTD', 'javscriptd'), 'javascript:') or starts-with(translate(normalize-space(.), 'DAT', 'dat'), 'data:')]")
        if unsafe != 0 { fatalError("HTML digest links to javascript:/data:") }
        let handlers = count("//@*[starts-with(name(), 'on')]")
        if handlers != 0 { fatalError("HTML digest carries \(handlers) event-handler attributes") }
    }

    static func checkMarkdown(_ document: DigestDocument) {
        let rendered = DigestFormat.markdown.render(document)
        // Lines are compared as bytes, as CommonMark reads them: "## " followed by a combining mark is
        // still a heading, though Swift's Character view glues the space and the mark into one grapheme.
        let headings = rendered.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
            .filter { $0.starts(with: "## ".utf8) }.count
        if headings != document.items.count {
            fatalError("Markdown digest has \(headings) headings, expected \(document.items.count):\n\(rendered)")
        }
    }
}
