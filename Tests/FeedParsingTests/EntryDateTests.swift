import Foundation
import Testing
@testable import FeedParsing

/// `ParsedEntry.date`: the published date, else the update date (Atom `updated`, `dc:date`,
/// `dcterms:modified`, JSON `date_modified`). `published` itself stays what the feed wrote.
@Suite("entry dates")
struct EntryDateTests {
    @Test("the date falls back to the update date; published stays as written", arguments: [
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>a</id><updated>2013-01-30T10:12:03-08:00</updated></entry></feed>",
         nil, "2013-01-30T18:12:03Z"),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><item rdf:about=\"http://x/1\"><dc:date>2019-08-27</dc:date></item></rdf:RDF>",
         nil, "2019-08-27T00:00:00Z"),
        ("<rss version=\"2.0\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><channel><item><guid>a</guid><dcterms:modified>2020-01-02T03:04:05Z</dcterms:modified></item></channel></rss>",
         nil, "2020-01-02T03:04:05Z"),
        ("<rss version=\"2.0\"><channel><item><guid>a</guid><pubDate>Wed, 01 May 2024 12:00:00 GMT</pubDate></item></channel></rss>",
         "2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z"),
        ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>a</id><published>2024-05-01T12:00:00Z</published><updated>2024-06-01T00:00:00Z</updated></entry></feed>",
         "2024-05-01T12:00:00Z", "2024-05-01T12:00:00Z"),
        ("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"a\",\"date_modified\":\"2021-03-04T05:06:07Z\"}]}",
         nil, "2021-03-04T05:06:07Z"),
        ("<rss version=\"2.0\"><channel><item><guid>a</guid></item></channel></rss>", nil, nil),
    ] as [(String, String?, String?)])
    func fallback(document: String, published: String?, date: String?) throws {
        let entry = try #require(try parse(document).entries.first)
        #expect(iso(entry.published) == published)
        #expect(iso(entry.date) == date)
    }

    /// The corpus feeds whose items carry only an update date (the examples): every entry has
    /// a date, and it is the oracle's update date. Skipped when ../shared is absent.
    @Test("SamRuby, ZedShaw and bio.rdf: every entry has its date")
    func corpusExamples() throws {
        guard let corpus = corpusDirectory() else {
            print("EntryDateTests: ../shared/corpus/feeds not found next to the package; skipping.")
            return
        }
        for name in ["feedjira/SamRuby.xml", "feedjira/historic-2009/ZedShaw.xml", "netnewswire/bio.rdf"] {
            let file = corpus.appendingPathComponent(name)
            let feed = try FeedParser.parse(data: try Data(contentsOf: file))
            let expected = try Self.expectedDates(file)
            #expect(feed.entries.count == expected.count && !expected.isEmpty, "\(name)")
            #expect(expected.allSatisfy { $0.published == nil }, "\(name): the oracle has no published dates")
            #expect(feed.entries.map { iso($0.date) } == expected.map(\.updated), "\(name)")
        }
    }

    /// Over the real-world part of the corpus: no entry the oracle dates (published or updated) is
    /// left without a date.
    @Test("no entry of the real-world corpus loses the date the oracle reads")
    func corpusWide() throws {
        guard let corpus = corpusDirectory() else {
            print("EntryDateTests: ../shared/corpus/feeds not found next to the package; skipping.")
            return
        }
        var dated = 0, onlyUpdated = 0, undated: [String] = []
        let sets = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { !$0.hasSuffix("-tests") && !$0.hasSuffix(".md") }
        for set in sets {
            let files = FileManager.default.enumerator(at: corpus.appendingPathComponent(set), includingPropertiesForKeys: nil)!
                .compactMap { $0 as? URL }.filter { $0.lastPathComponent.hasSuffix(".expected.json") }
            for expectedFile in files {
                let file = expectedFile.deletingPathExtension().deletingPathExtension()
                let expected = try Self.expectedDates(file)
                let entries = try FeedParser.parse(data: try Data(contentsOf: file)).entries
                guard entries.count == expected.count else { continue } // entry pairing is compare.py's job
                for (entry, oracle) in zip(entries, expected) where oracle.published != nil || oracle.updated != nil {
                    dated += 1
                    if oracle.published == nil { onlyUpdated += 1 }
                    if entry.date == nil { undated.append("\(set)/\(file.lastPathComponent)") }
                }
            }
        }
        print("EntryDateTests: \(dated) dated entries in the real-world corpus, \(onlyUpdated) dated only by an update date")
        #expect(dated > 3000 && onlyUpdated > 100)
        #expect(undated.isEmpty, "entries without a date: \(Set(undated).sorted())")
    }

    static func expectedDates(_ file: URL) throws -> [(published: String?, updated: String?)] {
        let url = file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + ".expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let entries = object?["entries"] as? [[String: Any]] ?? []
        return entries.map { ($0["published"] as? String, $0["updated"] as? String) }
    }
}
