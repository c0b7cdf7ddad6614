import Foundation
import SQLiteStore
import Storage
import Testing
import TestSupport

/// Polls killed with SIGKILL partway through their article pages (issue 15 item 8).
@Suite("killed polls keep their page work")
struct KilledPollTests {
    static let pages = 300
    /// Seconds each page takes to answer; 300 of them at 2 per host take at least 4.5 s.
    static let pageDelay = 0.03
    /// Seconds a poll may run before it is killed: less than one whole poll, more than a batch.
    static let killAfter = 2.5

    @Test("a poll of 300 slow article pages killed with SIGKILL every 2.5 s finishes all its work over the next polls: every page stored once, every entry in exactly one story, integrity ok")
    func killedRepeatedly() async throws {
        let site = try FaultServer(.slowSite(pages: Self.pages, delay: Self.pageDelay))
        defer { site.stop() }
        let path = try Reliability.folder("killed").appendingPathComponent("s.sqlite").path
        do {
            let db = try SQLiteStore(path: path)
            try await db.addFeed(url: site.url("/feed.xml"))
        }

        // The kill loop waits on children for up to a minute: it runs on a thread of its own, never on one
        // of Swift's cooperative threads, which every other test in the process shares.
        let (killed, finished, storedAfterKill, unkilledStatus) = try await offThePool {
            var killed = 0
            var finished = false
            var storedAfterKill: [Int] = []
            var unkilledStatus: Int32? = nil
            for _ in 0..<40 {
                let process = Process()
                process.executableURL = Reliability.binary("syndic")
                process.arguments = ["poll", "--quiet", "--db", path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try ProcessLaunch.run(process)
                let deadline = Date().addingTimeInterval(Self.killAfter)
                while process.isRunning && Date() < deadline { usleep(20_000) }
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                    killed += 1
                    storedAfterKill.append(try StoredRows(path).int("SELECT count(*) FROM article"))
                    continue
                }
                process.waitUntilExit()
                unkilledStatus = process.terminationStatus
                finished = true
                break
            }
            return (killed, finished, storedAfterKill, unkilledStatus)
        }
        #expect(unkilledStatus == nil || unkilledStatus == 0, "an unkilled poll exits 0")
        print("killed polls: \(killed); articles stored after each kill: \(storedAfterKill)")

        #expect(killed >= 1, "the first poll must be killed, or the test proves nothing")
        #expect(finished, "the polls never finished: articles stored after each kill \(storedAfterKill)")
        #expect(storedAfterKill == storedAfterKill.sorted(), "page work is never lost: \(storedAfterKill)")
        let rows = try StoredRows(path)
        let db = try SQLiteStore(path: path)
        #expect(try await db.integrityCheck() == ["ok"])
        #expect(try await db.entryCount() == Self.pages)
        #expect(try await db.unsignedEntries().isEmpty, "every entry is signed")
        #expect(try rows.int("SELECT count(*) FROM article") == Self.pages, "one article row per entry")
        #expect(try rows.int("SELECT count(*) FROM article WHERE status = 'ok'") == Self.pages, "every page extracted")
        #expect(try rows.int("SELECT count(*) FROM signature") == Self.pages)
        let stories = try await db.stories(StoryQuery(since: nil, limit: 100_000))
        #expect(stories.reduce(0) { $0 + $1.copies.count } == Self.pages, "every entry belongs to exactly one story")
        #expect(stories.count == Self.pages, "distinct pages are distinct stories: none was placed twice")
    }
}
