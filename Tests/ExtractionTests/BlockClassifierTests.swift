import Testing
@testable import Extraction

/// ``BlockClassifier`` with hand-written models: it follows the model block by block, never brings
/// back nothing, and falls back to the rules' story when the model would keep nothing.
@Suite("Block classifier")
struct BlockClassifierTests {
    static func model(base: Float, tree: String = "1\n-1 0 0 0 0", decision: String = "") -> BlockModel {
        let text = "syndic-block-model 1\nfeatures \(BlockFeatures.names.joined(separator: " "))\n"
            + "threshold 0.5\n\(decision)base \(base)\nrate 1\ntree \(tree)\n"
        return try! BlockModel(text: text)
    }

    static func run(_ classifier: BlockModel) throws -> (rules: [String], model: [String], all: [String]) {
        try runWithVerdicts(classifier).texts
    }

    static func runWithVerdicts(_ classifier: BlockModel) throws
        -> (texts: (rules: [String], model: [String], all: [String]), verdicts: [BlockVerdict]) {
        let (page, assembly, vectors) = try BlockFeaturesTests.features(BlockFeaturesTests.page)
        let result = BlockClassifier.apply(classifier, page: page, vectors: vectors, to: assembly)
        return ((assembly.blocks.map(\.text), result.blocks.map(\.text), page.blocks.map(\.text)), assembly.verdicts)
    }

    @Test("a model that follows the rules' verdict keeps exactly the rules' story")
    func followsRules() throws {
        // Split on feature 0 ("kept") at 0.5: kept blocks score +10, the others -10.
        let (rules, model, _) = try Self.run(Self.model(base: 0, tree: "3\n0 0.5 1 2 0\n-1 0 0 0 -10\n-1 0 0 0 10"))
        #expect(!rules.isEmpty)
        #expect(model == rules)
    }

    @Test("a model that keeps everything keeps every block of the page, in order")
    func keepsAll() throws {
        let (_, model, all) = try Self.run(Self.model(base: 5))
        #expect(model == all)
    }

    @Test("a model that keeps nothing leaves the rules' story in place")
    func keepsNothing() throws {
        let (rules, model, _) = try Self.run(Self.model(base: -5))
        #expect(model == rules)
    }

    @Test("a verdict's own threshold: a sure model restores every removed block except those it may not")
    func verdictThreshold() throws {
        // P(story) = 0.993 for every block; blocks outside the container need more than 1.
        let ((_, model, all), verdicts) = try Self.runWithVerdicts(Self.model(base: 5, decision: "threshold outside 1.01\n"))
        #expect(verdicts.contains(.outside))
        #expect(model == all.indices.filter { verdicts[$0] != .outside }.map { all[$0] })
    }

    @Test("a block the rules kept goes only below the kept threshold")
    func keptThreshold() throws {
        // P(story) = 0.0067 for every block: over a kept threshold of 0.005 the rules' story stays as it is,
        // and nothing else comes back (the default threshold is 0.5).
        let (rules, model, _) = try Self.run(Self.model(base: -5, decision: "threshold kept 0.005\n"))
        #expect(model == rules)
    }

    @Test("with a reach, only removed blocks that near kept text come back")
    func reach() throws {
        let sure = Self.model(base: 5, decision: "reach 1\n")
        let ((rules, model, all), verdicts) = try Self.runWithVerdicts(sure)
        let near = BlockClassifier.nearKept(verdicts, within: 1)
        #expect(near.contains(false))  // the navigation is two blocks from the story
        #expect(model == all.indices.filter { near[$0] }.map { all[$0] })
        #expect(model.count > rules.count)
        // Reach 0: no removed block is next to itself kept, so the rules' story stands.
        let (rules0, model0, _) = try Self.run(Self.model(base: 5, decision: "reach 0\n"))
        #expect(model0 == rules0)
    }

    @Test("the blocks within reach of kept ones, both ways")
    func nearKept() {
        let verdicts: [BlockVerdict] = [.outside, .headline, .kept, .outside, .outside, .outside, .kept]
        #expect(BlockClassifier.nearKept(verdicts, within: 1) == [false, true, true, true, false, true, true])
        #expect(BlockClassifier.nearKept(verdicts, within: 0) == [false, false, true, false, false, false, true])
        #expect(BlockClassifier.nearKept([.outside, .chromeSubtree], within: 5) == [false, false])
    }
}
