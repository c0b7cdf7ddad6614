import Foundation

/// An entry's move from one story to another while assignments are applied (a merge moves every
/// copy of the absorbed story); the users' state follows emptied stories (``ReadStateSQL/carry(from:to:now:)``).
package struct StoryMove: Hashable, Sendable {
    package var from: Int64
    package var to: Int64

    package init(from: Int64, to: Int64) {
        self.from = from; self.to = to
    }

    /// Each move once, in the order first made.
    package static func distinct(_ moves: [StoryMove]) -> [StoryMove] {
        var seen = Set<StoryMove>()
        return moves.filter { seen.insert($0).inserted }
    }
}
