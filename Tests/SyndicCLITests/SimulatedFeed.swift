import Foundation
import SyndicCore

/// An RSS feed a test writes into the folder its loopback server serves, as a site would publish it.
struct SimulatedFeed {
    struct Item {
        var guid: String
        var title: String
        var link: String? = nil
        var published: Date?
        var text: String
    }

    var title: String
    var items: [Item] = []

    /// RSS 2.0 with each item's guid, title, `pubDate` (RFC 822) and text as description.
    var xml: String {
        var out = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>\(title)</title><link>http://127.0.0.1:9/</link>"
        for item in items {
            out += "<item><title>\(item.title)</title><guid isPermaLink=\"false\">\(item.guid)</guid>"
            if let link = item.link { out += "<link>\(link)</link>" }
            if let published = item.published { out += "<pubDate>\(Self.rfc822(published))</pubDate>" }
            out += "<description>\(item.text)</description></item>"
        }
        return out + "</channel></rss>"
    }

    func write(to folder: URL, name: String) throws {
        try xml.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    static func rfc822(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    /// `count` pseudo-random words of a vocabulary of 50,000, the same for the same `seed`: texts of
    /// different seeds share only a few words by chance, so each story's copies match each other and
    /// nothing else.
    static func words(seed: Int, count: Int = 80) -> String {
        (0..<count).map { index -> String in
            // SplitMix64 of (seed, index).
            var x = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
            x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
            x ^= x >> 31
            return "w\(x % 50_000)"
        }.joined(separator: " ")
    }
}

/// `SYNDIC_NOW` for a time.
func simulatedNow(_ date: Date) -> [String: String] { ["SYNDIC_NOW": Timestamp.rfc3339(date)] }
