import Foundation
import Storage

/// What one round of placing waiting entries did (`syndic place`).
public struct PlacementRound: Sendable, Equatable {
    public var placed = 0
    public var storiesNew = 0
    public var storiesGrown = 0

    public init() {}

    /// `placed 12 entries; stories: 3 new, 2 grown`
    public var line: String { "placed \(placed) entries; stories: \(storiesNew) new, \(storiesGrown) grown" }
}

/// Places entries that wait signed but in no story (stored by shared polls that did not hold the
/// placer lock) with the same clusterer a poll uses, seeded from the database's window.
public enum Placement {
    /// One round. The caller holds the placer lock (or, on SQLite, the poll lock).
    public static func placeWaiting(db: any PollStore, options: PollOptions, now: Date) async throws -> PlacementRound {
        let placer = StoryPlacer(db: db, options: options, now: now)
        var round = PlacementRound()
        round.placed = try await placer.placeUnplaced()
        round.storiesNew = placer.newStories.count
        round.storiesGrown = placer.grownStories.count
        return round
    }
}
