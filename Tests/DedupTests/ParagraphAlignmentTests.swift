import Testing
@testable import Dedup

/// Paragraph alignment: edited copies join, follow-ups and roundups stay apart (docs/DEDUP.md).
@Suite("Paragraph alignment and roundups")
struct ParagraphAlignmentTests {
    /// Every `step`-th body word replaced: spread edits that leave Jaccard and containment under
    /// their thresholds but keep every paragraph recognisable.
    static func spreadEdits(_ story: FakeStory, step: Int) -> FakeStory {
        var copy = story
        copy.headline = ["new", "headline", "for", "the", "edited", "copy"]
        var n = 0
        for p in copy.paragraphs.indices {
            for w in copy.paragraphs[p].indices {
                n += 1
                if n % step == 0 { copy.paragraphs[p][w] = "edit\(n)" }
            }
        }
        return copy
    }

    @Test("an edited copy (every 10th word changed, new headline) joins through aligned paragraphs")
    func editedCopyJoins() {
        var builder = SignatureBuilder()
        let story = FakeStory(seed: 41, paragraphs: 10)
        let edited = Self.spreadEdits(story, step: 10)
        let c = PairVerifier().compare(builder.signatureOf(edited), builder.signatureOf(story))
        #expect(c.exactJaccard! < 0.5 && c.containmentOfFirst! < 0.8)
        #expect(c.isMatch && c.reason == .alignedParagraphs)
        #expect(c.alignment?.first.found == 10 && c.alignment?.first.longestRun == 10)

        let clusterer = StoryClusterer()
        clusterer.add(document: 1, signature: builder.signatureOf(story), timestamp: 0, hasFullText: true)
        let result = clusterer.add(document: 2, signature: builder.signatureOf(edited), timestamp: 1, hasFullText: true)
        #expect(result == .joined(storyKey: 1, matchedDocument: 1, similarity: c.similarity, reason: .alignedParagraphs))
    }

    @Test("a text sharing two quoted paragraphs among four of its own is found in runs but not matched")
    func followUpAlignedButApart() {
        var builder = SignatureBuilder()
        let story = FakeStory(seed: 43, paragraphs: 8)
        var followUp = FakeStory(seed: 44, paragraphs: 4)
        followUp.paragraphs.insert(contentsOf: story.paragraphs[3...4], at: 2)
        let c = PairVerifier().compare(builder.signatureOf(followUp), builder.signatureOf(story))
        #expect(c.alignment?.first.found == 2 && c.alignment?.first.longestRun == 2)
        #expect(c.alignment!.first.coveredShare < 0.4)
        #expect(!c.isMatch)
    }

    /// A roundup: an intro, then the headline and lead paragraph of each story.
    static func roundup(of stories: [FakeStory]) -> String {
        (["the day in brief", "here is what you need to know today from our newsroom"]
            + stories.flatMap { [$0.headline.joined(separator: " "), $0.paragraphs[0].joined(separator: " ")] })
            .joined(separator: "\n\n")
    }

    /// The headline, the lead paragraph and a "read the full story" line.
    static func excerpt(of story: FakeStory) -> String {
        [story.headline.joined(separator: " "), story.paragraphs[0].joined(separator: " "), "read the full story"]
            .joined(separator: "\n\n")
    }

    @Test("a roundup of four stories is its own story even though it contains an excerpt of one of them")
    func roundupStaysApart() {
        var builder = SignatureBuilder()
        let stories = (0..<4).map { FakeStory(seed: 50 + UInt64($0), paragraphs: 8) }
        let clusterer = StoryClusterer()
        let excerpt = builder.signature(of: Self.excerpt(of: stories[0]))
        let roundup = builder.signature(of: Self.roundup(of: stories))
        // Pairwise the excerpt is contained in the roundup: without the roundup rule they would merge.
        #expect(clusterer.compare(excerpt, roundup).isMatch)
        #expect(clusterer.add(document: 1, signature: excerpt, timestamp: 0, hasFullText: true) == .newStory(storyKey: 1))
        for i in 1..<4 {
            clusterer.add(document: Int64(10 + i), signature: builder.signatureOf(stories[i]), timestamp: 1, hasFullText: true)
        }
        #expect(clusterer.add(document: 20, signature: roundup, timestamp: 2, hasFullText: true) == .newStory(storyKey: 20))
        #expect(Set(clusterer.roundupOverlaps(of: 20) ?? []) == [1, 11, 12, 13])
        // The first story's full text joins its excerpt, not the roundup.
        let full = clusterer.add(document: 10, signature: builder.signatureOf(stories[0]), timestamp: 3, hasFullText: true)
        #expect(full.storyKey == 1)
        // An excerpt of a summarized story arriving after the roundup joins that story: the
        // roundup contains it, but a roundup is matched only as a whole.
        let late = clusterer.add(document: 30, signature: builder.signature(of: Self.excerpt(of: stories[2])),
                                 timestamp: 4, hasFullText: true)
        #expect(late.storyKey == 12)
        #expect(clusterer.story(20)?.members == [20])
    }

    @Test("a roundup re-seeded as one (a later poll) still lets an excerpt of a summarized story join that story, not the roundup",
          arguments: [true, false])
    func reloadedRoundup(flagged: Bool) {
        var builder = SignatureBuilder()
        let stories = (0..<4).map { FakeStory(seed: 90 + UInt64($0), paragraphs: 8) }
        let clusterer = StoryClusterer()
        var documents = stories.enumerated().map { i, story in
            StoredDocument(id: Int64(i + 1), signature: builder.signatureOf(story), timestamp: 0, storyKey: Int64(i + 1), hasFullText: true)
        }
        documents.append(StoredDocument(id: 20, signature: builder.signature(of: Self.roundup(of: stories)), timestamp: 1,
                                        storyKey: 20, hasFullText: true, isRoundup: flagged))
        clusterer.load(documents: documents)
        // The first story: its lead opens the roundup too, so both start alike.
        let excerpt = clusterer.add(document: 30, signature: builder.signature(of: Self.excerpt(of: stories[0])), timestamp: 2, hasFullText: true)
        if flagged {
            #expect(excerpt.storyKey == 1, "the excerpt joins the story it starts")
            #expect(clusterer.story(20)?.members == [20])
        } else {
            // What an unflagged (pre-v15) roundup does: the excerpt is contained in it and the roundup is
            // the likelier of the two, so the excerpt is lost to it. This is why the flag is stored.
            #expect(excerpt.storyKey == 20)
        }
    }

    @Test("a full story arriving after its excerpt and a follow-up that quotes it joins the excerpt")
    func quotedStoryIsNoRoundup() {
        var builder = SignatureBuilder()
        let story = FakeStory(seed: 80, paragraphs: 10)
        var followUp = FakeStory(seed: 81, paragraphs: 4)
        followUp.paragraphs.insert(contentsOf: story.paragraphs[5...6], at: 2)
        let clusterer = StoryClusterer()
        clusterer.add(document: 1, signature: builder.signature(of: Self.excerpt(of: story)), timestamp: 0, hasFullText: true)
        #expect(clusterer.add(document: 2, signature: builder.signatureOf(followUp), timestamp: 1, hasFullText: true)
                == .newStory(storyKey: 2))
        let full = clusterer.add(document: 3, signature: builder.signatureOf(story), timestamp: 2, hasFullText: true)
        #expect(full.storyKey == 1)
        #expect(clusterer.roundupOverlaps(of: 3) == nil)
    }

    @Test("a copy of a roundup joins the roundup (a match as a whole)")
    func roundupCopyJoins() {
        var builder = SignatureBuilder()
        let stories = (0..<4).map { FakeStory(seed: 60 + UInt64($0), paragraphs: 8) }
        let clusterer = StoryClusterer()
        for i in 0..<4 {
            clusterer.add(document: Int64(i), signature: builder.signatureOf(stories[i]), timestamp: 0, hasFullText: true)
        }
        let text = Self.roundup(of: stories)
        #expect(clusterer.add(document: 10, signature: builder.signature(of: text), timestamp: 1, hasFullText: true)
                == .newStory(storyKey: 10))
        let copy = clusterer.add(document: 11, signature: builder.signature(of: text + "\n\nshare this"), timestamp: 2, hasFullText: true)
        #expect(copy.storyKey == 10)
    }

    @Test("a paragraph every candidate story shares (an unlearned footer) is no roundup evidence")
    func sharedFooterIsNoRoundup() {
        #expect(StoryClusterer.roundupOverlaps([(1, 0b100), (2, 0b100), (3, 0b100)]) == nil)
        #expect(StoryClusterer.roundupOverlaps([(1, 0b1100), (2, 0b1_0100)]) == [1, 2])
        #expect(StoryClusterer.roundupOverlaps([(1, 0b1100)]) == nil)

        var builder = SignatureBuilder()
        let footer = ["your", "email", "address", "will", "not", "be", "published", "required", "fields", "are", "marked", "here"]
        let clusterer = StoryClusterer()
        for i in 0..<3 {
            var story = FakeStory(seed: 70 + UInt64(i), paragraphs: 6)
            story.paragraphs.append(footer)
            #expect(clusterer.add(document: Int64(i), signature: builder.signatureOf(story), timestamp: 0, hasFullText: true)
                    == .newStory(storyKey: Int64(i)))
        }
        #expect((0..<3).allSatisfy { clusterer.roundupOverlaps(of: Int64($0)) == nil })
    }

    @Test("paragraph numbers: headline 0, then one per blank-line paragraph; stored and read back")
    func paragraphNumbers() throws {
        var builder = SignatureBuilder()
        let signature = builder.signature(of: "one two three four five\n\nsix seven eight nine ten eleven\n\ntwelve thirteen fourteen fifteen")
        #expect(signature.hasParagraphs && signature.paragraphCount == 3)
        #expect(signature.paragraphOf.filter { $0 == 0 }.count == 5)    // shingles starting in words 1-5
        let decoded = try DocumentSignature(bytes: signature.serialize())
        #expect(decoded == signature && decoded.hasParagraphs)
        // A stored signature without paragraph numbers (flag bit 1 clear) still reads, without them.
        var bytes = signature.serialize()
        bytes[7] = 1
        bytes.removeLast(signature.shingleCount * 2)
        let old = try DocumentSignature(bytes: bytes)
        #expect(old.hasShingleSet && !old.hasParagraphs && old.shingles == signature.shingles)
    }
}
