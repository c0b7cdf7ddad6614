import Foundation
import Testing

/// The bundled demo world (Feeds/demo) polled from file URLs: the syndicated copies fold into one story
/// each and the look-alikes stay apart, as Feeds/demo/EXPECTED.json says.
@Suite("Demo world (end to end)")
struct DemoWorldTests {
    struct Expected: Decodable {
        struct Story: Decodable {
            struct Copy: Decodable { var article: String; var title: String }
            var id: String
            var copies: [Copy]
        }
        struct Pair: Decodable { var a: String; var b: String; var kind: String }
        var stories: [Story]
        var must_not_merge: [Pair]
        var expected_clusters: Int
        var expected_entries: Int
    }

    @Test("every syndicated story is one cluster; different stories never share one")
    func clustersMatchGroundTruth() async throws {
        let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Feeds/demo")
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: demo.appendingPathComponent("EXPECTED.json")))
        let template = try String(contentsOf: demo.appendingPathComponent("urls.template"), encoding: .utf8)
        let cli = try CLIRunner()
        let imported = try await cli.run(["feeds", "import", "-"], stdin: template.replacingOccurrences(of: "@DEMO@", with: demo.path),
                                   environment: ["SYNDIC_NOW": "2026-11-28T00:00:00Z"])
        #expect(imported.stdout.contains("imported: 6 added"))
        // The demo's items are dated 2026-11-23 … 27: polled the next day, none is backlog.
        let poll = try await cli.run(["poll"], environment: ["SYNDIC_NOW": "2026-11-28T00:00:00Z"])
        #expect(poll.status == 0)
        #expect(poll.stdout.contains("entries: \(expected.expected_entries) new"))
        #expect(poll.stdout.contains("0 failed"))

        let stories = try await cli.run(["stories", "--format", "json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(stories.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.count == expected.expected_clusters)
        // Copies are matched by their feed title (file: URLs are never printed as links).
        var storiesOfTitle: [String: Set<Int>] = [:]
        for story in parsed {
            let id = try #require(story["id"] as? Int)
            for entry in try #require(story["entries"] as? [[String: Any]]) {
                storiesOfTitle[try #require(entry["title"] as? String), default: []].insert(id)
            }
        }
        var clusterOf: [String: Int] = [:]
        for story in expected.stories {
            let ids = Set(story.copies.flatMap { storiesOfTitle[$0.title].map(Array.init) ?? [-1] })
            #expect(ids.count == 1 && !ids.contains(-1), "story \(story.id) is split or missing: \(ids)")
            clusterOf[story.id] = ids.first
        }
        for pair in expected.must_not_merge {
            #expect(clusterOf[pair.a] != clusterOf[pair.b], "\(pair.kind): \(pair.a) and \(pair.b) were merged")
        }

        // `explain` on stored entries agrees with the clustering.
        let biggest = try #require(parsed.first?["entries"] as? [[String: Any]])
        let other = try #require(parsed.last?["entries"] as? [[String: Any]])
        let a = try #require(biggest[0]["id"] as? Int), b = try #require(biggest[1]["id"] as? Int)
        let c = try #require(other[0]["id"] as? Int)
        let same = try await cli.run(["explain", String(a), String(b)])
        #expect(same.status == 0)
        #expect(same.stdout.contains("decision           SAME STORY"))
        let different = try await cli.run(["explain", String(a), String(c)])
        #expect(different.stdout.contains("decision           DIFFERENT STORIES"))
        let unknown = try await cli.run(["explain", "999999", String(a)])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no entry has id 999999"))
    }
}
