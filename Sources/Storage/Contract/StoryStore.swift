import Foundation

/// Story clusters: where entries belong, and the queries behind `stories`, `story`, digests and the web view.
///
/// Listing queries filter, order and limit in the database and fetch a page of stories with all their
/// copies in one query, so their cost follows the page, not the size of the database.
public protocol StoryStore: Sendable {
    /// Records where entries belong, creating stories that do not exist yet, and refreshes the touched
    /// stories' size, source count, representative, first/last seen and `updated_at`.
    func applyStoryAssignments(_ assignments: [StoryAssignment], now: Date) async throws
    /// Stories matching `query` (published in its time range): most sources first, then most recently
    /// published, then id.
    func stories(_ query: StoryQuery) async throws -> [StorySummary]
    /// The stories of ``stories(_:)``, each with its representative's extracted text (when extraction
    /// succeeded), feed content and feed summary.
    func storyDetails(_ query: StoryQuery) async throws -> [StoryDetail]
    /// One story with its representative's text; throws ``StorageError/storyNotFound(_:)``.
    func story(id: Int64) async throws -> StoryDetail
    /// Number of stories.
    func storyCount() async throws -> Int
    /// Number of stories matching `query`'s filters, ignoring its limit (so a listing can say how many it left out).
    func storyCount(_ query: StoryQuery) async throws -> Int

    /// The ``StoryStamp`` of the page of stories `query` selects (the stories within its limit): one
    /// aggregate query, so a validator costs far less than the answer it stands for.
    func storyStamp(_ query: StoryQuery) async throws -> StoryStamp
}

extension StoryStore {
    /// ``applyStoryAssignments(_:now:)`` at the current time.
    public func applyStoryAssignments(_ assignments: [StoryAssignment]) async throws {
        try await applyStoryAssignments(assignments, now: Date())
    }
}
