import Extraction
import Foundation

/// JSON shapes and text rendering for `syndic extract`.
enum ExtractOutput {
    /// One page's JSON: keys `url, title, byline, published, canonical_url, language, text`
    /// (plus `file` in jsonl mode and `removed` with --explain).
    struct Record: Encodable {
        var file: String?
        var url: String?
        var article: Article
        var removed: [RemovedBlock]?

        enum CodingKeys: String, CodingKey {
            case file, url, title, byline, published, canonical_url, language, text, removed
        }

        struct Removal: Encodable {
            var reason: String
            var text: String
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(file, forKey: .file)
            try container.encode(url, forKey: .url)
            try container.encode(article.title, forKey: .title)
            try container.encode(article.byline, forKey: .byline)
            try container.encode(article.published, forKey: .published)
            try container.encode(article.canonicalURL, forKey: .canonical_url)
            try container.encode(article.language, forKey: .language)
            try container.encode(article.text, forKey: .text)
            if let removed {
                try container.encode(removed.map { Removal(reason: $0.reason, text: $0.text) }, forKey: .removed)
            }
        }

        /// The record as one JSON object with keys in the documented order
        /// (`file`, `url`, `title`, `byline`, `published`, `canonical_url`, `language`, `text`, `removed`).
        func orderedJSON(pretty: Bool) -> Data {
            var fields: [(String, Data)] = []
            if let file { fields.append(("file", ExtractOutput.encode(file, pretty: false))) }
            let values: [(String, String?)] = [
                ("url", url), ("title", article.title), ("byline", article.byline), ("published", article.published),
                ("canonical_url", article.canonicalURL), ("language", article.language), ("text", article.text),
            ]
            for (key, value) in values { fields.append((key, ExtractOutput.encode(value, pretty: false))) }
            if let removed {
                fields.append(("removed", ExtractOutput.encode(removed.map { Removal(reason: $0.reason, text: $0.text) },
                                                               pretty: false)))
            }
            let separator = pretty ? ",\n  " : ","
            let body = fields.map { "\"\($0.0)\":" + (pretty ? " " : "") + String(decoding: $0.1, as: UTF8.self) }
                .joined(separator: separator)
            return Data((pretty ? "{\n  " + body + "\n}" : "{" + body + "}").utf8)
        }
    }

    static func encode(_ value: some Encodable, pretty: Bool) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            : [.withoutEscapingSlashes, .sortedKeys]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    static func explanation(_ removed: [RemovedBlock]) -> String {
        var lines = ["", "--- removed blocks (\(removed.count)) ---"]
        for block in removed {
            let preview = block.text.count > 100 ? String(block.text.prefix(100)) + "…" : block.text
            lines.append("[\(block.reason)] \(preview)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
