import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

@Suite("syndic stories --limit (end to end)")
struct StoriesLimitCLITests {
    /// `count` one-copy stories, an hour apart, the newest an hour ago.
    static func world(stories count: Int) async throws -> CLIRunner {
        let cli = try CLIRunner()
        let world = StoryWorld(store: try SQLiteStore(path: cli.databasePath))
        let now = Date()
        for i in 0..<count {
            try await world.addStory([.init(site: "s\(i % 3).example", title: "Story number \(i)")],
                                     at: now.addingTimeInterval(-3600 * Double(count - i)))
        }
        await world.db.close()
        return cli
    }

    static func ids(_ table: String) -> [Int64] {
        table.split(separator: "\n").compactMap { Int64($0.prefix(7).trimmingCharacters(in: .whitespaces)) }
    }

    @Test("without --limit, 50 stories and a last line saying how many more; --limit and --since change it")
    func defaultLimit() async throws {
        let cli = try await Self.world(stories: 1_060)
        let table = try await cli.run(["stories"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(Self.ids(table.stdout).count == 50)
        let last = table.stdout.split(separator: "\n").last.map(String.init)
        #expect(last == "… 1,010 more stories; use --limit or --since", "\(last ?? "")")

        let almost = try await cli.run(["stories", "--limit", "1059"])
        #expect(Self.ids(almost.stdout).count == 1_059 && almost.stdout.hasSuffix("… 1 more story; use --limit or --since\n"))
        let all = try await cli.run(["stories", "--limit", "2000"])
        #expect(Self.ids(all.stdout).count == 1_060 && !all.stdout.contains("more stor"))
        let recent = try await cli.run(["stories", "--since", "570m"])
        #expect(Self.ids(recent.stdout).count == 9 && !recent.stdout.contains("more stor"), "\(recent.stdout)")

        let json = try await cli.run(["stories", "--format", "json", "--limit", "3"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(parsed.count == 3, "stdout stays JSON")
        #expect(json.stderr.contains("… 1,057 more stories"))
        #expect(try await cli.run(["stories", "--limit", "0"]).status == 64)
    }
}
