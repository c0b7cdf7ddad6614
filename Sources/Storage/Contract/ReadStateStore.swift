import Foundation

/// Read and starred state, per user and per story (so per copy alike).
///
/// Reading marks the story with the length of its longest copy at that time; a copy that arrives
/// or grows later reopens it only as the user's ``ReopenRule`` says. Listings see the state through
/// ``StoryQuery/reader`` (filtered and ordered in SQL).
public protocol ReadStateStore: Sendable {
    /// Marks stories read (or unread); returns the ids that name no story (nothing is done for them).
    @discardableResult
    func markStories(userID: Int64, storyIDs: [Int64], read: Bool, now: Date) async throws -> [Int64]
    /// Marks the stories of these entries (copies) read or unread; returns the entry ids that name no
    /// entry, or an entry not yet placed in a story.
    @discardableResult
    func markEntries(userID: Int64, entryIDs: [Int64], read: Bool, now: Date) async throws -> [Int64]
    /// Stars (or unstars) stories; returns the ids that name no story.
    @discardableResult
    func starStories(userID: Int64, storyIDs: [Int64], starred: Bool, now: Date) async throws -> [Int64]
    /// The stored states of these stories for a user (stories without one are left out).
    func readStates(userID: Int64, storyIDs: [Int64]) async throws -> [ReadState]
    /// Puts the user's label `label` on stories (or takes it off); returns the ids that name no story.
    @discardableResult
    func labelStories(userID: Int64, storyIDs: [Int64], label: String, labelled: Bool, now: Date) async throws -> [Int64]
    /// The user's labels on these stories (stories without any are left out), each list sorted.
    func storyLabels(userID: Int64, storyIDs: [Int64]) async throws -> [Int64: [String]]
    /// Every label the user put on stories, sorted, with how many stories carry it.
    func storyLabelNames(userID: Int64) async throws -> [(label: String, stories: Int)]
}
