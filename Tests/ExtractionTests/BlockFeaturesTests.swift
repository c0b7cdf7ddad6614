import Testing
@testable import Extraction

/// The shallow block features the learned model reads (``BlockFeatures``), on small hand-written pages.
@Suite("Block features")
struct BlockFeaturesTests {
    static let page = """
    <html><head><title>Quay park</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Quay park</h1>
    <p>The harbour authority confirmed on Friday that the old grain quay will be turned into a public park, ending a decade of arguments.</p>
    <p>Work is due to begin next spring, and the first section, with a playground and a path along the water, should open next year.</p>
    <p>Residents said they were relieved. Several asked why the plans still include a car park for three hundred vehicles!</p>
    </article>
    <ul class="related"><li><a href="/a">Another story about the harbour</a></li></ul>
    </body></html>
    """

    static func features(_ html: String) throws -> (PageModel, StoryAssembler.Assembly, BlockFeatures.Matrix) {
        let bytes = Array(html.utf8)
        let walker = try #require(bytes.withUnsafeBufferPointer {
            HTMLSAXParser.parse($0, encoding: "UTF-8", useVocabulary: true)
        })
        let assembly = StoryAssembler(model: walker.model, title: "Quay park", template: nil).assemble()
        return (walker.model, assembly, BlockFeatures.vectors(model: walker.model, verdicts: assembly.verdicts))
    }

    static func value(_ vector: [Float], _ name: String) -> Float {
        vector[BlockFeatures.names.firstIndex(of: name)!]
    }

    @Test("one vector of every named feature per block, the names unique")
    func shape() throws {
        let (model, assembly, vectors) = try Self.features(Self.page)
        #expect(vectors.count == model.blocks.count)
        #expect(assembly.verdicts.count == model.blocks.count)
        #expect(vectors.values.count == model.blocks.count * BlockFeatures.count)
        #expect((0..<vectors.count).allSatisfy { vectors[$0].count == BlockFeatures.count })
        #expect(Set(BlockFeatures.names).count == BlockFeatures.names.count)
    }

    @Test("the rules' verdict, link density and position of each block")
    func verdictsAndDensities() throws {
        let (model, _, vectors) = try Self.features(Self.page)
        let texts = model.blocks.map(\.text)
        let nav = try #require(texts.firstIndex { $0.contains("Home") })
        let headline = try #require(texts.firstIndex(of: "Quay park"))
        let first = try #require(texts.firstIndex { $0.hasPrefix("The harbour authority") })
        let last = try #require(texts.firstIndex { $0.hasPrefix("Residents") })
        let related = try #require(texts.firstIndex { $0.hasPrefix("Another story") })

        #expect(Self.value(vectors[nav], "kept") == 0)
        #expect(Self.value(vectors[nav], "outside") == 1)  // outside the container is decided first
        #expect(Self.value(vectors[nav], "link_density") == 1)
        #expect(Self.value(vectors[headline], "headline") == 1)
        #expect(Self.value(vectors[headline], "heading") == 1)
        #expect(Self.value(vectors[first], "kept") == 1)
        #expect(Self.value(vectors[first], "tag_p") == 1)
        #expect(Self.value(vectors[first], "in_article_or_main") == 1)
        #expect(Self.value(vectors[first], "link_density") == 0)
        #expect(Self.value(vectors[first], "kept_before") == 0)
        #expect(Self.value(vectors[first], "log_distance_to_kept") == 0)
        #expect(Self.value(vectors[last], "kept_after") == 0)
        #expect(Self.value(vectors[last], "sentences") == 2)
        #expect(Self.value(vectors[last], "ends_sentence") == 1)
        #expect(Self.value(vectors[related], "kept") == 0)
        #expect(Self.value(vectors[related], "list_item") == 1)
        #expect(Self.value(vectors[related], "prev_kept") == 1)
        #expect(Self.value(vectors[related], "next_kept") == -1)  // the last block has no next
        #expect(Self.value(vectors[nav], "prev_kept") == -1)
        // Kept before + kept after + the block itself = all kept text.
        let keptShare = Self.value(vectors[first], "kept_before") + Self.value(vectors[first], "kept_after")
        #expect(keptShare > 0.6 && keptShare < 0.7)
        #expect(Self.value(vectors[first], "position") < Self.value(vectors[last], "position"))
    }

    @Test("words, sentence ends and the closing punctuation of a text", arguments: [
        ("One two three.", 3, 1, true),
        ("Stop. Go! Why? Because…", 4, 4, true),
        ("3.5 million people", 3, 0, false),
        ("He said “yes.”", 3, 0, true),
        ("Read more", 2, 0, false),
        ("", 0, 0, false),
    ])
    func textCounts(text: String, words: Int, sentences: Int, ends: Bool) {
        let counts = BlockFeatures.TextCounts(text)
        #expect(counts.words == words)
        #expect(counts.sentences == sentences)
        #expect(counts.endsSentence == ends)
    }

    @Test("a page of only chrome still gets vectors, with no kept text")
    func nothingKept() throws {
        let html = "<html><body><nav><a href='/'>Home</a></nav><footer>© Harbour Times</footer></body></html>"
        let (model, _, vectors) = try Self.features(html)
        #expect(vectors.count == model.blocks.count)
        for row in 0..<vectors.count {
            let vector = vectors[row]
            #expect(Self.value(vector, "kept_share") == 0)
            #expect(Self.value(vector, "log_distance_to_kept") == 10)
        }
    }
}
