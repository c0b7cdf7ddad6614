// The FeedParsing module: feed bytes → `ParsedFeed` (see docs/FEEDS.md and docs/ARCHITECTURE.md).
//
// Entry points:
// - `FeedParser.parse(data:url:httpCharset:)` for RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed 1.0/1.1;
// - `FeedDiscovery.feedLinks(html:baseURL:)` and `FeedSniffer.looksLikeFeed(_:)` for web pages;
// - `FeedDate` (Dates/) for the liberal RFC 822 / ISO 8601 date parsers;
// - `FeedCorpusJSON` for the `feedcorpus/1` JSON that `syndic parse --format json` prints.
