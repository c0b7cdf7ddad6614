// Microbenchmarks of Syndic's hot paths, through the modules' public API.
//
// Inputs are generated here (deterministic), so a figure moves only when the code does.
// Run: swift package --package-path scripts/microbench benchmark
import Benchmark
import Dedup
import Extraction
import FeedParsing
import Foundation

// MARK: Inputs

/// A news-like text of `count` words from a fixed vocabulary (xorshift, fixed seed).
func newsText(words count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> String {
    let vocabulary = """
    the of and to in a is that for on said with was as at by from it his be has he have an are were \
    which not but had this they their government year people new would been after minister city police \
    market report percent week company officials told statement court health school water energy election \
    council budget workers union price bank climate project research study hospital village river border
    """.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    var state = seed
    var out: [String] = []
    out.reserveCapacity(count)
    for i in 0..<count {
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        var word = vocabulary[Int(state % UInt64(vocabulary.count))]
        if i % 17 == 0 { word = word.capitalized }
        out.append(i % 23 == 22 ? word + "." : word)
    }
    return out.joined(separator: " ")
}

let rfc822Dates = (0..<100).map { i in "Sun, \(1 + i % 28) Nov 2026 \(10 + i % 12):\(10 + i % 50):07 \(i % 2 == 0 ? "GMT" : "+0100")" }
let isoDates = (0..<100).map { i in "2026-11-\(10 + i % 18)T\(10 + i % 12):\(10 + i % 50):07\(i % 2 == 0 ? "Z" : "+01:00")" }

func rssFeed(items: Int) -> [UInt8] {
    var xml = """
    <?xml version="1.0" encoding="utf-8"?>
    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>Example News</title><link>https://news.example.org/</link><description>All the news</description>
    """
    for i in 0..<items {
        xml += """
        <item><title>\(newsText(words: 9, seed: UInt64(i + 1)))</title>
        <link>https://news.example.org/2026/11/story-\(i).html</link>
        <guid isPermaLink="false">story-\(i)</guid><dc:creator>Reporter \(i % 7)</dc:creator>
        <pubDate>\(rfc822Dates[i % rfc822Dates.count])</pubDate><category>World</category>
        <description>&lt;p&gt;\(newsText(words: 60, seed: UInt64(i + 100)))&lt;/p&gt;</description>
        <content:encoded><![CDATA[<p>\(newsText(words: 120, seed: UInt64(i + 200)))</p>]]></content:encoded></item>

        """
    }
    return Array((xml + "</channel></rss>\n").utf8)
}

func atomFeed(entries: Int) -> [UInt8] {
    var xml = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title><id>urn:example</id>
    <updated>2026-11-29T06:00:00Z</updated><link href="https://news.example.org/"/>
    """
    for i in 0..<entries {
        xml += """
        <entry><title type="html">\(newsText(words: 9, seed: UInt64(i + 1)))</title><id>urn:story:\(i)</id>
        <link rel="alternate" href="https://news.example.org/story-\(i)"/><updated>\(isoDates[i % isoDates.count])</updated>
        <author><name>Reporter \(i % 7)</name></author>
        <summary>\(newsText(words: 60, seed: UInt64(i + 100)))</summary>
        <content type="html">&lt;p&gt;\(newsText(words: 120, seed: UInt64(i + 200)))&lt;/p&gt;</content></entry>

        """
    }
    return Array((xml + "</feed>\n").utf8)
}

/// A news page: navigation, the story (12 paragraphs), related links, comments, footer.
func newsPage() -> [UInt8] {
    let nav = (0..<30).map { "<li><a href=\"/section/\($0)\">Section \($0)</a></li>" }.joined()
    let story = (0..<12).map { "<p>\(newsText(words: 70, seed: UInt64($0 + 300)))</p>" }.joined()
    let related = (0..<10).map { "<li><a href=\"/r/\($0)\">\(newsText(words: 8, seed: UInt64($0 + 500)))</a></li>" }.joined()
    let comments = (0..<5).map { "<div class=\"comment\"><p>\(newsText(words: 25, seed: UInt64($0 + 700)))</p></div>" }.joined()
    let html = """
    <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Storm hits the coast | Example News</title>
    <meta property="og:title" content="Storm hits the coast"><meta property="og:site_name" content="Example News">
    <link rel="canonical" href="https://news.example.org/2026/11/storm.html">
    <script>var analytics = {id: 42};</script><style>body{font:16px serif}</style></head><body>
    <header class="site-header"><nav class="menu"><ul>\(nav)</ul></nav></header>
    <main><article class="story"><h1>Storm hits the coast</h1><p class="byline">By A. Reporter, 29 November 2026</p>
    \(story)</article><aside class="related"><h2>Related stories</h2><ul>\(related)</ul></aside>
    <section class="comments"><h2>Comments</h2>\(comments)</section></main>
    <footer class="site-footer"><p>Copyright 2026 Example News. All rights reserved.</p></footer></body></html>
    """
    return Array(html.utf8)
}

/// Lanes of `count` documents in groups of three near-copies, as DedupBenchmark makes them.
func syntheticLanes(_ count: Int, laneCount: Int) -> [[UInt32]] {
    func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    return (0..<count).map { d in
        (0..<laneCount).map { j in
            let base = mix(UInt64(d / 3) &* 1_000_003 &+ UInt64(j))
            let perturbed = mix(base ^ UInt64(d))
            return UInt32(truncatingIfNeeded: (perturbed % 10 < 3 && d % 3 != 0) ? perturbed : base)
        }
    }
}

// MARK: Benchmarks

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 3,
        maxDuration: .seconds(2),
        maxIterations: 10_000
    )

    // Dedup: a 500-word document, the size the issue's targets are stated for.
    let document = newsText(words: 500)

    Benchmark("Dedup: tokenize + word hashes (500 words)") { benchmark in
        var tokenizer = TextTokenizer()
        var hashes: [UInt64] = []
        for _ in benchmark.scaledIterations {
            hashes.removeAll(keepingCapacity: true)
            tokenizer.appendWordHashes(of: document, to: &hashes)
            blackHole(hashes.count)
        }
    }

    Benchmark("Dedup: shingling + MinHash lanes (500 words)") { benchmark in
        var builder = SignatureBuilder()
        var lanes: [UInt32] = []
        for _ in benchmark.scaledIterations {
            blackHole(builder.minHashLanes(of: document, into: &lanes))
        }
    }

    Benchmark("Dedup: MinHash of 500 shingle hashes (128 lanes)") { benchmark in
        let hasher = MinHasher()
        let shingles = (0..<500).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ 0xDEAD_BEEF }
        var lanes: [UInt32] = []
        for _ in benchmark.scaledIterations {
            shingles.withUnsafeBufferPointer { hasher.computeLanes(of: $0, into: &lanes) }
            blackHole(lanes[0])
        }
    }

    Benchmark("Dedup: full signature, sorted shingle set (500 words)") { benchmark in
        var builder = SignatureBuilder()
        for _ in benchmark.scaledIterations {
            blackHole(builder.signature(of: document).shingleCount)
        }
    }

    Benchmark("Dedup: LSH insert+query of 1,000 docs (threshold 0.5)") { benchmark in
        let configuration = DedupConfiguration()
        let lanes = syntheticLanes(1_000, laneCount: configuration.laneCount)
        let banding = LSHBanding.optimal(threshold: 0.5, laneCount: configuration.laneCount)
        for _ in benchmark.scaledIterations {
            var index = LSHIndex(banding: banding, expectedDocuments: lanes.count)
            var candidates = 0
            for (slot, l) in lanes.enumerated() { index.insert(slot: Int32(slot), lanes: l) { _ in candidates += 1 } }
            blackHole(candidates)
        }
    }

    // FeedParsing: libxml2's reader loop plus Syndic's feed model, and the date parser.
    let rss = rssFeed(items: 20)
    let atom = atomFeed(entries: 20)

    Benchmark("FeedParsing: parse RSS 2.0, 20 items (\(rss.count / 1024) KB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? FeedParser.parse(bytes: rss, url: "https://news.example.org/rss"))
        }
    }

    Benchmark("FeedParsing: parse Atom, 20 entries (\(atom.count / 1024) KB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? FeedParser.parse(bytes: atom, url: "https://news.example.org/atom"))
        }
    }

    Benchmark("FeedParsing: FeedDate, 100 RFC 822 dates") { benchmark in
        for _ in benchmark.scaledIterations {
            for date in rfc822Dates { blackHole(FeedDate.unixSeconds(date)) }
        }
    }

    Benchmark("FeedParsing: FeedDate, 100 ISO 8601 dates") { benchmark in
        for _ in benchmark.scaledIterations {
            for date in isoDates { blackHole(FeedDate.unixSeconds(date)) }
        }
    }

    // Extraction: libxml2 HTML parse, the page walk, container choice and text assembly.
    let page = newsPage()

    Benchmark("Extraction: extract a news page (\(page.count / 1024) KB)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? ArticleExtractor.extract(html: page, url: "https://news.example.org/2026/11/storm.html"))
        }
    }
}
