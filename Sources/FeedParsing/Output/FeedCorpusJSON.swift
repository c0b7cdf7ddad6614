import Foundation
import SyndicCore

/// The `feedcorpus/1` JSON of `shared/corpus/feeds/SCHEMA.md`, which `syndic parse --format json`
/// prints and `eval/feeds/compare.py` compares with the oracle. Keys in a fixed order, UTF-8, no
/// escaping of non-ASCII.
public enum FeedCorpusJSON {
    public static func encode(_ feed: ParsedFeed) -> String {
        var out = "{\n \"schema\": \"feedcorpus/1\",\n"
        out += " \"bozo\": \(feed.bozo),\n"
        out += " \"bozo_exception\": \(string(feed.bozoReason)),\n"
        out += " \"feed\": {\"title\": \(string(feed.title)), \"link\": \(string(feed.siteLink)), "
        out += "\"format\": \(string(feed.format?.rawValue)), \"version\": \(string(feed.version))},\n"
        out += " \"entries\": ["
        for (index, entry) in feed.entries.enumerated() {
            out += index == 0 ? "\n  {" : ",\n  {"
            out += "\"id\": \(string(entry.id)), \"link\": \(string(entry.link)), \"title\": \(string(entry.title)), "
            out += "\"published\": \(string(entry.published.map(Timestamp.rfc3339))), "
            // feedparser 6 (the oracle) answers `updated` with `published` when there is no update date.
            // (Not for JSON Feed, whose oracle is a plain spec mapping.)
            let updated = entry.updated ?? (feed.format == .json ? nil : entry.published)
            out += "\"updated\": \(string(updated.map(Timestamp.rfc3339))), "
            out += "\"author\": \(string(entry.author)), "
            out += "\"summary_text\": \(string(entry.summaryText)), \"content_text\": \(string(entry.contentText)), "
            out += "\"enclosures\": ["
            out += entry.enclosures.map { e in
                "{\"url\": \(string(e.url)), \"type\": \(string(e.type)), \"length\": \(e.length.map { String($0) } ?? "null")}"
            }.joined(separator: ", ")
            out += "]}"
        }
        out += feed.entries.isEmpty ? "]\n}\n" : "\n ]\n}\n"
        return out
    }

    /// A JSON string literal (or `null`).
    static func string(_ value: String?) -> String {
        guard let value else { return "null" }
        var out = ""
        out.reserveCapacity(value.utf8.count + 2)
        JSONValue.escape(value, into: &out)
        return out
    }
}
