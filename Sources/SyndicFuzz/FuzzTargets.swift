import Extraction
import FeedParsing
import Foundation
import SyndicCore

/// One fuzzable entry point of Syndic: a name and a function that feeds arbitrary bytes to a real module API.
///
/// Every target must return for every input (errors are fine, crashes, hangs and runaway memory are not).
/// Targets that produce output also check a property of it, and trap when it does not hold, so libFuzzer
/// reports the input.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let run: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    /// All targets, in the order `scripts/fuzz.sh` runs them.
    static let all: [FuzzTarget] = [feed, html, subscriptions, date, url, DigestFuzzTarget.target]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// FeedParser.parse: RSS, Atom, RDF and JSON Feed bytes in any encoding.
    static let feed = FuzzTarget(name: "feed", summary: "FeedParser.parse(bytes:)") { bytes in
        if let parsed = try? FeedParser.parse(bytes: bytes, url: "https://fuzz.example/feed") {
            // Every entry gets a stable id; an empty one would make entries collide in the database.
            for entry in parsed.entries where entry.stableID.isEmpty { fatalError("entry with empty stableID") }
        }
    }

    /// ArticleExtractor.extract: any page bytes.
    static let html = FuzzTarget(name: "html", summary: "ArticleExtractor.extract(html:)") { bytes in
        _ = try? ArticleExtractor.extract(html: Array(bytes), url: "https://fuzz.example/page.html")
    }

    /// SubscriptionListReader.read: OPML or a URL list.
    static let subscriptions = FuzzTarget(name: "opml", summary: "SubscriptionListReader.read(_:)") { bytes in
        _ = try? SubscriptionListReader.read(Array(bytes))
    }

    /// FeedDate.parse: RFC 822, ISO 8601 and the oddities feeds send.
    static let date = FuzzTarget(name: "date", summary: "FeedDate.parse(_:)") { bytes in
        _ = FeedDate.parse(String(decoding: bytes, as: UTF8.self))
    }

    /// URLNormalizer.normalize: normalizing twice must give the same result as normalizing once.
    static let url = FuzzTarget(name: "url", summary: "URLNormalizer.normalize(_:) (idempotent)") { bytes in
        guard let once = try? URLNormalizer.normalize(String(decoding: bytes, as: UTF8.self)) else { return }
        guard let twice = try? URLNormalizer.normalize(once) else { fatalError("normalized URL rejected: \(once)") }
        if twice != once { fatalError("normalize not idempotent: \(once) -> \(twice)") }
    }
}
