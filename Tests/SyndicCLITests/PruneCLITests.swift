import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

@Suite("syndic prune (end to end)")
struct PruneCLITests {
    static func fileSize(_ path: String) -> Int64 {
        [path, path + "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int64 }.reduce(0, +)
    }

    /// A database of 2,000 entries first seen ten days ago and 20 from today.
    static func filled() async throws -> CLIRunner {
        let cli = try CLIRunner()
        let store = try SQLiteStore(path: cli.databasePath)
        try await BulkEntries.fill(store, count: 2_000, at: Date().addingTimeInterval(-10 * 86_400))
        try await BulkEntries.fill(store, count: 20, at: Date())
        await store.close()
        return cli
    }

    @Test("a large prune shrinks the file (VACUUM) and prints the sizes before and after")
    func shrinks() async throws {
        let cli = try await Self.filled()
        let before = Self.fileSize(cli.databasePath)
        let pruned = try await cli.run(["prune", "--older-than", "1d"])
        #expect(pruned.status == 0, "\(pruned.stderr)")
        let after = Self.fileSize(cli.databasePath)
        #expect(after * 4 < before, "the file shrank: \(before) → \(after)")
        let lines = pruned.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].hasPrefix("pruned 2000 entries"), "\(pruned.stdout)")
        #expect(lines.last?.hasPrefix("database: ") == true && lines.last?.contains(" before, ") == true
                && lines.last?.hasSuffix(" after (VACUUM)") == true, "\(pruned.stdout)")
        #expect(try await cli.run(["migrate"]).status == 0, "the database is sound after it")
        #expect(try await cli.run(["prune", "--older-than", "1d", "--quiet"]).stdout.isEmpty)
    }

    @Test("--vacuum never deletes only: the file keeps its size and the free room is reported")
    func never() async throws {
        let cli = try await Self.filled()
        let before = Self.fileSize(cli.databasePath)
        let pruned = try await cli.run(["prune", "--older-than", "1d", "--vacuum", "never"])
        #expect(pruned.status == 0, "\(pruned.stderr)")
        #expect(Self.fileSize(cli.databasePath) * 2 >= before, "not shrunk as VACUUM shrinks it (below a quarter)")
        #expect(pruned.stdout.contains("free inside, reused by new rows") && !pruned.stdout.contains("VACUUM"), "\(pruned.stdout)")
        let bad = try await cli.run(["prune", "--older-than", "1d", "--vacuum", "sometimes"])
        #expect(bad.status == 64)
    }
}
