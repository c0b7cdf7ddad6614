@testable import Dedup
import Testing

/// Stories that arrived as two (issue 19): a later near-whole copy of both merges them; an excerpt or
/// early version held by two stories does not. And an edited copy matched by a clean core member joins.
@Suite("Story merging and core members")
struct StoryMergeTests {
    /// Two supersets of one origin arrive first (a developing version with two new paragraphs on top,
    /// a copy with two local paragraphs at the end): each contains the origin, neither the other.
    @Test("two supersets that arrived first become one story when their origin arrives; the merge is reported")
    func supersetsMergeThroughTheirOrigin() throws {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let origin = FakeStory(seed: 40, paragraphs: 8)
        let news = FakeStory(seed: 41, paragraphs: 4), local = FakeStory(seed: 42, paragraphs: 4)
        let developing = FakeStory(headline: origin.headline, paragraphs: Array(news.paragraphs[0..<4]) + origin.paragraphs)
        let localCopy = FakeStory(headline: origin.headline, paragraphs: origin.paragraphs + Array(local.paragraphs[0..<4]))
        #expect(clusterer.add(document: 1, signature: builder.signatureOf(developing), timestamp: 0, hasFullText: true) == .newStory(storyKey: 1))
        #expect(clusterer.add(document: 2, signature: builder.signatureOf(localCopy), timestamp: 1, hasFullText: true) == .newStory(storyKey: 2),
                "the supersets do not match each other")
        let joined = clusterer.add(document: 3, signature: builder.signatureOf(origin), timestamp: 2, hasFullText: true)
        let merge = try #require(clusterer.lastMerges.first)
        #expect(clusterer.lastMerges.count == 1 && merge.into == joined.storyKey && merge.from != merge.into)
        #expect(merge.bridge == 3 && merge.documents == [merge.from] && merge.jaccard >= 0.4)
        #expect(clusterer.storyKey(of: 1) == joined.storyKey && clusterer.storyKey(of: 2) == joined.storyKey)
        #expect(clusterer.story(joined.storyKey)?.members.sorted() == [1, 2, 3])
        #expect(clusterer.story(merge.from) == nil)
    }

    @Test("an early version held by its story and by a follow-up quoting the same lead merges nothing")
    func excerptBridgesNothing() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let story = FakeStory(seed: 50, paragraphs: 10)
        let own = FakeStory(seed: 51, paragraphs: 4)
        let followUp = FakeStory(headline: own.headline, paragraphs: Array(story.paragraphs[0..<2]) + own.paragraphs)
        let early = FakeStory(headline: story.headline, paragraphs: Array(story.paragraphs[0..<3]))
        clusterer.add(document: 1, signature: builder.signatureOf(story), timestamp: 0, hasFullText: true)
        #expect(clusterer.add(document: 2, signature: builder.signatureOf(followUp), timestamp: 1, hasFullText: true) == .newStory(storyKey: 2))
        let result = clusterer.add(document: 3, signature: builder.signatureOf(early), timestamp: 2, hasFullText: true)
        #expect(result.storyKey == 1, "the early version joins the story it starts")
        #expect(clusterer.lastMerges.isEmpty, "an excerpt is no bridge")
        #expect(clusterer.storyKey(of: 2) == 2)
    }

    @Test("an edited copy joins through the clean origin when a padded copy represents the story")
    func editedCopyJoinsThroughCoreMember() {
        var builder = SignatureBuilder()
        let clusterer = StoryClusterer()
        let origin = FakeStory(seed: 60, paragraphs: 10)
        let padding = FakeStory(seed: 61, paragraphs: 7)
        let padded = FakeStory(headline: origin.headline, paragraphs: origin.paragraphs + padding.paragraphs)
        clusterer.add(document: 1, signature: builder.signatureOf(padded), timestamp: 0, hasFullText: true)
        #expect(clusterer.add(document: 2, signature: builder.signatureOf(origin), timestamp: 1, hasFullText: true).storyKey == 1)
        // A site's own lines around the text (three paragraphs of chrome), and 40 words changed.
        let chrome = FakeStory(seed: 62, paragraphs: 3)
        var edited = origin.editedCopy(substitutions: 40, seed: 3)
        edited.paragraphs = [chrome.paragraphs[0]] + edited.paragraphs + Array(chrome.paragraphs[1...2])
        // The edited copy is too far from the padded representative to match it on its own.
        #expect(!clusterer.compare(builder.signatureOf(edited), builder.signatureOf(padded)).isMatch)
        #expect(clusterer.add(document: 3, signature: builder.signatureOf(edited), timestamp: 2, hasFullText: true).storyKey == 1)
    }

    @Test("core members: most of the representative, and about the new document's size")
    func coreRule() {
        #expect(StoryClusterer.isCoreMatch(memberSize: 240, size: 260, representativeSize: 450))
        #expect(!StoryClusterer.isCoreMatch(memberSize: 200, size: 260, representativeSize: 450), "under half the representative")
        #expect(!StoryClusterer.isCoreMatch(memberSize: 400, size: 240, representativeSize: 450), "a document much smaller than the member")
        #expect(!StoryClusterer.isCoreMatch(memberSize: 0, size: 0, representativeSize: 0))
    }
}
