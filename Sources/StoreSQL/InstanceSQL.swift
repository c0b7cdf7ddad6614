import Foundation
import Storage

/// The statement behind `InstanceStore`.
package enum InstanceSQL {
    package static let read = SQLStatement("SELECT id, created_at, legacy_story_max FROM instance LIMIT 1")

    package static func instance(_ row: some SQLRow) throws -> StoreInstance {
        StoreInstance(id: try row.text("id"), createdAt: try row.date("created_at"), legacyStoryMax: try row.int("legacy_story_max"))
    }
}
