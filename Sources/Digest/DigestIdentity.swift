import Foundation
import Storage

/// Whose digest this is: the database's instance, carried by every item id and the feed id, so that
/// two installations never give a feed reader the same id for different stories.
///
/// The rule (docs/DIGEST.md): a story's item id is `tag:syndic,2026:INSTANCE/story/ID`. Stories that
/// a database held before it had an instance id (ids up to ``legacyStoryMax``) keep the id they were
/// published under, `tag:syndic,2026:story/ID`, and such a database keeps its feed id
/// `tag:syndic,2026:digest`, so readers already subscribed see no story twice.
public struct DigestIdentity: Sendable, Equatable {
    public var instanceID: String
    /// Stories with ids up to this one keep the item id form of databases without an instance id.
    public var legacyStoryMax: Int64

    public init(instanceID: String, legacyStoryMax: Int64 = 0) {
        self.instanceID = instanceID; self.legacyStoryMax = legacyStoryMax
    }

    /// The identity of the database `instance` describes.
    public init(_ instance: StoreInstance) {
        self.init(instanceID: instance.id, legacyStoryMax: instance.legacyStoryMax)
    }

    /// The stable item id of a story.
    public func itemID(storyID: Int64) -> String {
        storyID <= legacyStoryMax ? "tag:syndic,2026:story/\(storyID)" : "tag:syndic,2026:\(instanceID)/story/\(storyID)"
    }

    /// The feed id used when the digest has no self URL.
    public var feedTag: String {
        legacyStoryMax > 0 ? "tag:syndic,2026:digest" : "tag:syndic,2026:\(instanceID)/digest"
    }
}
