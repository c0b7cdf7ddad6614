import Foundation
import Storage
import Testing
import TestSupport

@Suite("Store contract: site templates")
struct SiteTemplateContractTests {
    @Test("a block seen on three distinct pages of a host is template; a page counts once; hosts are apart",
          arguments: TestStores.backends)
    func threshold(_ backend: StoreBackend) async throws {
        let store = try await TestStores.fresh(backend)
        let bio = UInt64.max - 1          // high bit set: hashes are unsigned 64-bit
        let long = String(repeating: "x", count: 500)
        #expect(try await store.recordPageBlocks(host: "a.org", pageHash: 1, blocks: [(bio, long), (10, "one"), (bio, "dup")]))
        #expect(try await !store.recordPageBlocks(host: "a.org", pageHash: 1, blocks: [(bio, long)]), "the same page again")
        #expect(try await store.recordPageBlocks(host: "a.org", pageHash: 2, blocks: [(bio, long), (11, "two")]))
        #expect(try await store.templateBlocks(host: "a.org").isEmpty)
        #expect(try await store.recordPageBlocks(host: "a.org", pageHash: 3, blocks: [(bio, long)]))
        #expect(try await store.templateBlocks(host: "a.org") == [bio])
        #expect(try await store.templateBlocks(host: "b.org").isEmpty)
        let report = try await store.templateReport(host: "a.org")
        #expect(report.map(\.hash) == [bio, 10, 11])
        #expect(report.map(\.pages) == [3, 1, 1])
        #expect(report.first?.sample == String(repeating: "x", count: SiteTemplateLimits.sampleLength))
    }
}
