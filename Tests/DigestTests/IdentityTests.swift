import Digest
import Foundation
import Storage
import Testing

@Suite("Digest item ids carry the instance")
struct IdentityTests {
    @Test("two instances never share an item id; stories from before instance ids keep theirs")
    func itemIDs() {
        let one = DigestIdentity(StoreInstance(id: "0123456789abcdef", createdAt: Date(), legacyStoryMax: 0))
        let two = DigestIdentity(StoreInstance(id: "fedcba9876543210", createdAt: Date(), legacyStoryMax: 0))
        #expect(one.itemID(storyID: 7) == "tag:syndic,2026:0123456789abcdef/story/7")
        #expect(one.itemID(storyID: 7) != two.itemID(storyID: 7))
        #expect(one.feedTag == "tag:syndic,2026:0123456789abcdef/digest")

        let migrated = DigestIdentity(StoreInstance(id: "0123456789abcdef", createdAt: Date(), legacyStoryMax: 40))
        #expect(migrated.itemID(storyID: 40) == "tag:syndic,2026:story/40")
        #expect(migrated.itemID(storyID: 41) == "tag:syndic,2026:0123456789abcdef/story/41")
        #expect(migrated.feedTag == "tag:syndic,2026:digest")
    }
}
