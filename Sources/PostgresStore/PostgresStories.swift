import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Story clusters: assignment of entries, and the page queries behind `stories`, `story`, digests and the web view.
extension PostgresStore {
    public func applyStoryAssignments(_ assignments: [StoryAssignment], now: Date) async throws {
        try await write { [logger] db in try await Self.applyStoryAssignments(db, assignments, now: now, logger: logger) }
    }

    static func applyStoryAssignments(_ db: PostgresConnection, _ assignments: [StoryAssignment], now: Date, logger: Logger) async throws {
        guard !assignments.isEmpty else { return }
        var touched = Set<Int64>()
        for a in assignments {
            try await db.run(StorySQL.create(id: a.storyID, now: now), logger: logger)
            let previous = try await db.first(StorySQL.storyOf(entryID: a.entryID), logger: logger)?.optionalInt("story_id")
            if let previous, previous != a.storyID {
                touched.insert(previous)
                try await db.run(StorySQL.touch(id: previous, now: now), logger: logger)
            }
            if previous != a.storyID { try await db.run(StorySQL.touch(id: a.storyID, now: now), logger: logger) }
            try await db.run(StorySQL.place(a), logger: logger)
            touched.insert(a.storyID)
        }
        try await refreshStories(db, touched.sorted(), logger: logger)
    }

    /// Makes the stories true to their entries again (see `StorySQL.refresh`).
    static func refreshStories(_ db: PostgresConnection, _ ids: [Int64], logger: Logger) async throws {
        for statement in StorySQL.refresh(ids) { try await db.run(statement, logger: logger) }
    }

    public func stories(_ query: StoryQuery) async throws -> [StorySummary] {
        try await page(StorySQL.page(query, details: false)).map(\.summary)
    }

    public func storyDetails(_ query: StoryQuery) async throws -> [StoryDetail] {
        try await page(StorySQL.page(query, details: true))
    }

    public func story(id: Int64) async throws -> StoryDetail {
        guard let detail = try await page(StorySQL.page(storyID: id)).first else { throw StorageError.storyNotFound(id) }
        return detail
    }

    public func storyCount() async throws -> Int {
        try await read { [logger] db in try await db.first(StorySQL.count, logger: logger)?.count("n") ?? 0 }
    }

    public func storyCount(_ query: StoryQuery) async throws -> Int {
        try await read { [logger] db in try await db.first(StorySQL.count(query), logger: logger)?.count("n") ?? 0 }
    }

    public func storyStamp(_ query: StoryQuery) async throws -> StoryStamp {
        try await read { [logger] db in
            try await db.first(StorySQL.stamp(query), logger: logger).map(RowDecoding.storyStamp) ?? .empty
        }
    }

    private func page(_ statement: SQLStatement) async throws -> [StoryDetail] {
        try await read { [logger] db in StoryPage.details(try await db.rows(statement, logger: logger).map(RowDecoding.storyPageRow)) }
    }
}
