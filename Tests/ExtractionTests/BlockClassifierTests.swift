import Testing
@testable import Extraction

/// ``BlockClassifier`` with hand-written models: it follows the model block by block, never brings
/// back nothing, and falls back to the rules' story when the model would keep nothing.
@Suite("Block classifier")
struct BlockClassifierTests {
    static func model(base: Float, tree: String = "1\n-1 0 0 0 0") -> BlockModel {
        let text = "syndic-block-model 1\nfeatures \(BlockFeatures.names.joined(separator: " "))\n"
            + "threshold 0.5\nbase \(base)\nrate 1\ntree \(tree)\n"
        return try! BlockModel(text: text)
    }

    static func run(_ classifier: BlockModel) throws -> (rules: [String], model: [String], all: [String]) {
        let (page, assembly, vectors) = try BlockFeaturesTests.features(BlockFeaturesTests.page)
        let result = BlockClassifier.apply(classifier, page: page, vectors: vectors, to: assembly)
        return (assembly.blocks.map(\.text), result.blocks.map(\.text), page.blocks.map(\.text))
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
}
