import Testing
@testable import Dedup

@Suite("Story clustering")
struct StoryClustererTests {
    let day = 86_400.0

    @Test("a wire copy joins the original's story, keyed by the original")
    func copyJoins() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let story = FakeStory(seed: 1)
        #expect(clusterer.add(document: 10, signature: builder.signatureOf(story), timestamp: 0, hasFullText: true)
                == .newStory(storyKey: 10))
        let copy = story.editedCopy(substitutions: 5, seed: 2)
        let result = clusterer.add(document: 11, signature: builder.signatureOf(copy), timestamp: 60, hasFullText: true)
        guard case .joined(let key, let matched, let similarity, let reason) = result else {
            Issue.record("copy did not join: \(result)")
            return
        }
        #expect(key == 10 && matched == 10 && reason == .jaccard && similarity > 0.8)
    }

    @Test("a truncated copy (45 % of the story) joins through containment")
    func truncatedCopyJoins() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let story = FakeStory(seed: 3, paragraphs: 20)
        clusterer.add(document: 1, signature: builder.signatureOf(story), timestamp: 0, hasFullText: true)
        let partial = FakeStory(headline: story.headline, paragraphs: Array(story.paragraphs.prefix(9)))
        let result = clusterer.add(document: 2, signature: builder.signatureOf(partial), timestamp: 1, hasFullText: true)
        guard case .joined(1, 1, _, .containment) = result else {
            Issue.record("truncated copy: \(result)")
            return
        }
    }

    @Test("a summary-only feed entry joins the full article, and the article stays representative")
    func summaryJoins() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let story = FakeStory(seed: 5, paragraphs: 14)
        let summary = builder.signature(of: story.lead(words: 30))
        #expect(clusterer.add(document: 1, signature: summary, timestamp: 0, hasFullText: false) == .newStory(storyKey: 1))
        let result = clusterer.add(document: 2, signature: builder.signatureOf(story), timestamp: 5, hasFullText: true)
        guard case .joined(1, 1, _, .containment) = result else {
            Issue.record("full article after summary: \(result)")
            return
        }
        // Earliest document *with full text* represents the story; the key stays the summary's id.
        #expect(clusterer.story(1) == StorySnapshot(key: 1, representative: 2, members: [1, 2]))
    }

    @Test("a summary that a follow-up also quotes joins the story that starts with it")
    func summaryPrefersLeadStory() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let original = FakeStory(seed: 12, paragraphs: 12)
        var followUp = FakeStory(seed: 13, paragraphs: 3)
        followUp.paragraphs.insert(contentsOf: original.paragraphs[0...1], at: 2)   // quotes the lead, mid-text
        clusterer.add(document: 1, signature: builder.signatureOf(original), timestamp: 0, hasFullText: true)
        #expect(clusterer.add(document: 2, signature: builder.signatureOf(followUp), timestamp: 1, hasFullText: true)
                == .newStory(storyKey: 2))
        let summary = builder.signature(of: original.lead(words: 30))
        // Contained in both; the follow-up is shorter, so plain Jaccard would pick it.
        #expect(clusterer.compare(summary, builder.signatureOf(followUp)).isMatch)
        let result = clusterer.add(document: 3, signature: summary, timestamp: 2, hasFullText: false)
        #expect(result.storyKey == 1)
    }

    @Test("a follow-up quoting two paragraphs of a story starts its own story")
    func followUpStaysApart() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let original = FakeStory(seed: 7)
        clusterer.add(document: 1, signature: builder.signatureOf(original), timestamp: 0, hasFullText: true)
        var followUp = FakeStory(seed: 8, paragraphs: 6)
        followUp.paragraphs.insert(contentsOf: original.paragraphs[2...3], at: 3)
        let result = clusterer.add(document: 2, signature: builder.signatureOf(followUp), timestamp: 3600, hasFullText: true)
        #expect(result == .newStory(storyKey: 2))
    }

    @Test("no chaining: a document matching only a bridging member does not join")
    func noChaining() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let x = FakeStory(seed: 20)                                    // p0…p9
        let other = FakeStory(seed: 21)
        let bridge = FakeStory(headline: x.headline, paragraphs: Array(x.paragraphs[0..<8]) + Array(other.paragraphs[0..<2]))
        let drifted = FakeStory(headline: other.headline,
                                paragraphs: Array(x.paragraphs[4..<8]) + Array(other.paragraphs[0..<2]))
        clusterer.add(document: 1, signature: builder.signatureOf(x), timestamp: 0, hasFullText: true)
        #expect(clusterer.add(document: 2, signature: builder.signatureOf(bridge), timestamp: 1, hasFullText: true).storyKey == 1)
        // drifted matches the bridge (Jaccard ≈ 0.6) but not x itself: one of two members is no majority.
        let result = clusterer.add(document: 3, signature: builder.signatureOf(drifted), timestamp: 2, hasFullText: true)
        #expect(result == .newStory(storyKey: 3))
        #expect(builder.signatureOf(drifted).shingleCount > 0)
    }

    @Test("a copy matching most members joins even when it no longer matches the representative")
    func majorityJoins() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let story = FakeStory(seed: 30)
        let fresh = FakeStory(seed: 31)
        clusterer.add(document: 1, signature: builder.signatureOf(story), timestamp: 0, hasFullText: true)
        // An update rewriting the first two paragraphs (Jaccard ≈ 0.67 with the original), and a copy of it.
        var update = story
        update.paragraphs[0] = fresh.paragraphs[0]
        update.paragraphs[1] = fresh.paragraphs[1]
        clusterer.add(document: 2, signature: builder.signatureOf(update), timestamp: 1, hasFullText: true)
        clusterer.add(document: 3, signature: builder.signatureOf(update.editedCopy(substitutions: 3, seed: 1)),
                      timestamp: 2, hasFullText: true)
        #expect(clusterer.story(1)?.members == [1, 2, 3])
        // A later version rewrites two more: ≈ 0.43 with the original, ≈ 0.67 with both updates.
        var later = update
        later.paragraphs[2] = fresh.paragraphs[2]
        later.paragraphs[3] = fresh.paragraphs[3]
        let signature = builder.signatureOf(later)
        #expect(!clusterer.compare(signature, builder.signatureOf(story)).isMatch)
        let result = clusterer.add(document: 4, signature: signature, timestamp: 3, hasFullText: true)
        guard case .joined(1, let matched, _, .jaccard) = result else {
            Issue.record("later version: \(result)")
            return
        }
        #expect(matched == 2 || matched == 3)
    }

    @Test("story keys are stable: joins and removal of the first document keep the key")
    func stableKeys() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let story = FakeStory(seed: 40)
        clusterer.add(document: 100, signature: builder.signatureOf(story), timestamp: 0, hasFullText: true)
        for id in 101...103 {
            let copy = story.editedCopy(substitutions: 4, seed: UInt64(id))
            #expect(clusterer.add(document: Int64(id), signature: builder.signatureOf(copy), timestamp: Double(id), hasFullText: true).storyKey == 100)
        }
        clusterer.remove(document: 100)
        #expect(clusterer.story(100)?.members == [101, 102, 103])
        #expect(clusterer.story(100)?.representative == 101)
        let late = story.editedCopy(substitutions: 2, seed: 9)
        #expect(clusterer.add(document: 104, signature: builder.signatureOf(late), timestamp: 200, hasFullText: true).storyKey == 100)
    }

    @Test("documents outside the window neither match nor stay after expire(before:)")
    func window() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let story = FakeStory(seed: 50)
        clusterer.add(document: 1, signature: builder.signatureOf(story), timestamp: 0, hasFullText: true)
        let copy = builder.signatureOf(story.editedCopy(substitutions: 2, seed: 3))
        #expect(clusterer.add(document: 2, signature: copy, timestamp: 8 * day, hasFullText: true) == .newStory(storyKey: 2))
        #expect(clusterer.expire(before: 7 * day) == 1)
        #expect(clusterer.documentCount == 1 && clusterer.story(1) == nil)
    }

    @Test("load(documents:) re-seeds stories from stored signatures")
    func reseed() throws {
        var builder = SignatureBuilder()
        let first = StoryClusterer()
        let story = FakeStory(seed: 60)
        let signature = builder.signatureOf(story)
        first.add(document: 7, signature: signature, timestamp: 0, hasFullText: true)
        let stored = try DocumentSignature(bytes: signature.serialize())

        let second = StoryClusterer()
        var other = stored
        other.shingleSize = 5
        let skipped = second.load(documents: [
            StoredDocument(id: 7, signature: stored, timestamp: 0, storyKey: 7, hasFullText: true),
            StoredDocument(id: 9, signature: other, timestamp: 0, storyKey: 9, hasFullText: true),
        ])
        #expect(skipped == [9])
        #expect(second.story(7)?.members == [7] && second.story(9) == nil)
        let copy = builder.signatureOf(story.editedCopy(substitutions: 3, seed: 4))
        #expect(second.add(document: 8, signature: copy, timestamp: 10, hasFullText: true).storyKey == 7)
    }

    @Test("a disclaimer shared by many stories does not merge two short different items")
    func stoplistIgnoresBoilerplate() {
        var builder = SignatureBuilder()
        let disclaimer = FakeStory(seed: 70, paragraphs: 1, wordsPerParagraph: 60).paragraphs[0]
        func item(_ seed: UInt64, words: Int) -> FakeStory {
            var s = FakeStory(seed: seed, paragraphs: 1, wordsPerParagraph: words)
            s.paragraphs.append(disclaimer)
            return s
        }
        let a = builder.signatureOf(item(101, words: 20))
        let b = builder.signatureOf(item(102, words: 20))

        // Without learned frequencies the disclaimer dominates: the two items look alike.
        let naive = StoryClusterer()
        naive.add(document: 1, signature: a, timestamp: 0, hasFullText: true)
        #expect(naive.add(document: 2, signature: b, timestamp: 1, hasFullText: true).storyKey == 1)

        // After seeing the disclaimer under 20 unrelated stories, it is ignored.
        let learned = StoryClusterer()
        for i in 0..<20 {
            learned.add(document: Int64(1000 + i), signature: builder.signatureOf(item(UInt64(200 + i), words: 300)),
                        timestamp: 0, hasFullText: true)
        }
        learned.add(document: 1, signature: a, timestamp: 0, hasFullText: true)
        #expect(learned.add(document: 2, signature: b, timestamp: 1, hasFullText: true) == .newStory(storyKey: 2))
        let comparison = learned.compare(a, b)
        #expect(comparison.stoplisted.first > 50 && !comparison.isMatch)
    }

    @Test("empty documents each start their own story and can be removed")
    func emptyDocuments() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let empty = builder.signature(of: " — … ")
        #expect(empty.shingleCount == 0)
        #expect(clusterer.add(document: 1, signature: empty, timestamp: 0, hasFullText: false) == .newStory(storyKey: 1))
        #expect(clusterer.add(document: 2, signature: empty, timestamp: 0, hasFullText: false) == .newStory(storyKey: 2))
        clusterer.remove(document: 2)
        clusterer.remove(document: 1)
        #expect(clusterer.documentCount == 0 && clusterer.storyCount == 0)
    }

    @Test("same input order gives the same assignments")
    func deterministic() {
        func run() -> [Int64] {
            var builder = SignatureBuilder()
            let clusterer = StoryClusterer()
            var keys: [Int64] = []
            for i in 0..<30 {
                let story = FakeStory(seed: UInt64(i % 7))
                let copy = story.editedCopy(substitutions: i % 5, seed: UInt64(i))
                keys.append(clusterer.add(document: Int64(i), signature: builder.signatureOf(copy), timestamp: Double(i), hasFullText: true).storyKey)
            }
            return keys
        }
        let first = run()
        #expect(first == run())
        #expect(Set(first).count == 7)
    }
}
