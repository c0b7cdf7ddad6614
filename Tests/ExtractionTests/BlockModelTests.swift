import Testing
@testable import Extraction

/// The block-model file reader and evaluator (``BlockModel``), and the model Syndic ships.
@Suite("Block model")
struct BlockModelTests {
    static let names = ["a", "b"]

    /// Two trees: the first splits on feature 0 at 1.5, the second on feature 1 at 0.
    static let twoTrees = """
    syndic-block-model 1
    # a comment line
    features a b
    threshold 0.5
    base -1
    rate 0.5
    tree 3
    0 1.5 1 2 0
    -1 0 0 0 -2
    -1 0 0 0 4
    tree 3
    1 0 1 2 0
    -1 0 0 0 1
    -1 0 0 0 -1
    """

    @Test("reads the header and the trees, and scores like scikit-learn (left when value <= threshold)")
    func readsAndScores() throws {
        let model = try BlockModel(text: Self.twoTrees, expectedFeatures: Self.names)
        #expect(model.features == Self.names)
        #expect(model.threshold == 0.5)
        #expect(model.trees.count == 2)
        #expect(model.trees[0][0] == BlockModel.Node(feature: 0, threshold: 1.5, left: 1, right: 2, value: 0))
        // -1 + 0.5 * (-2) + 0.5 * 1
        #expect(model.score([1.5, 0]) == -1.5)
        // -1 + 0.5 * 4 + 0.5 * (-1)
        #expect(model.score([2, 3]) == 0.5)
        #expect(model.probability([2, 3]) > 0.62 && model.probability([2, 3]) < 0.63)
        #expect(model.probability([0, 0]) < model.threshold)
    }

    @Test("refuses broken files with an error that says to retrain", arguments: [
        ("", BlockModelError.truncated),
        ("syndic-block-model 2\nfeatures a b", .malformedLine(1, expected: "syndic-block-model 1")),
        ("syndic-block-model 1\nfeatures a b\nthreshold x", .malformedLine(3, expected: "threshold NUMBER")),
        ("syndic-block-model 1\nfeatures a b\nthreshold 0.5\nbase 0\nrate 1", .truncated),
        ("syndic-block-model 1\nfeatures a b\nthreshold 0.5\nbase 0\nrate 1\ntree 2\n-1 0 0 0 1", .truncated),
        // A child that points back at its parent would loop forever.
        ("syndic-block-model 1\nfeatures a b\nthreshold 0.5\nbase 0\nrate 1\ntree 2\n0 1 0 1 0\n-1 0 0 0 1",
         .badNode(tree: 0, node: 0)),
        // Feature 5 does not exist.
        ("syndic-block-model 1\nfeatures a b\nthreshold 0.5\nbase 0\nrate 1\ntree 3\n5 1 1 2 0\n-1 0 0 0 1\n-1 0 0 0 1",
         .badNode(tree: 0, node: 0)),
        ("syndic-block-model 1\nfeatures a b\nthreshold 0.5\nbase 0\nrate 1\ntree 1\n-1 0 0 x 1",
         .malformedLine(7, expected: "FEATURE THRESHOLD LEFT RIGHT VALUE")),
    ])
    func refusesBrokenFiles(text: String, error: BlockModelError) {
        #expect(throws: error) { try BlockModel(text: text, expectedFeatures: Self.names) }
        #expect(error.description.contains("scripts/train-block-model.py"))
    }

    @Test("reads per-verdict thresholds and the reach; a verdict without its own line has the default")
    func verdictThresholds() throws {
        let text = Self.twoTrees.replacingOccurrences(
            of: "threshold 0.5\n", with: "threshold 0.5\nthreshold kept 0.05\nthreshold outside 0.9\nreach 2\n")
        let model = try BlockModel(text: text, expectedFeatures: Self.names)
        #expect(model.threshold(for: .kept) == 0.05)
        #expect(model.threshold(for: .outside) == 0.9)
        #expect(model.threshold(for: .chromeSubtree) == 0.5)
        #expect(model.reach == 2)
        #expect(model.trees.count == 2)
        // Without those lines: one threshold for every verdict, no reach.
        let plain = try BlockModel(text: Self.twoTrees, expectedFeatures: Self.names)
        #expect(BlockVerdict.allCases.allSatisfy { plain.threshold(for: $0) == 0.5 })
        #expect(plain.reach == nil)
    }

    @Test("the early-stopping decision gives the same answer as the full probability")
    func reachesAgreesWithProbability() throws {
        let model = try BlockModel(text: Self.twoTrees, expectedFeatures: Self.names)
        // Scores on this model: -1.5, -0.5, 0.5, 1.5 (probabilities 0.18, 0.38, 0.62, 0.82).
        let vectors: [[Float]] = [[1.5, 0], [1.5, 3], [2, 0], [2, 3], [0, 0], [9, -1]]
        for vector in vectors {
            for threshold: Float in [-1, 0, 0.1, 0.18, 0.3, 0.38, 0.5, 0.62, 0.7, 0.82, 0.9, 1, 1.01] {
                #expect(model.reaches(threshold, vector) == (model.probability(vector) >= threshold),
                        "vector \(vector) threshold \(threshold)")
            }
        }
    }

    @Test("refuses an unknown verdict or a bad reach", arguments: [
        ("syndic-block-model 1\nfeatures a b\nthreshold 0.5\nthreshold nowhere 0.5\nbase 0\nrate 1",
         BlockModelError.malformedLine(4, expected: "threshold VERDICT NUMBER")),
        ("syndic-block-model 1\nfeatures a b\nthreshold 0.5\nreach -1\nbase 0\nrate 1",
         .malformedLine(4, expected: "reach BLOCKS")),
    ])
    func refusesBadDecisionLines(text: String, error: BlockModelError) {
        #expect(throws: error) { try BlockModel(text: text, expectedFeatures: Self.names) }
    }

    @Test("a model trained on other features than this build computes is refused")
    func featureMismatch() {
        #expect(throws: BlockModelError.featureMismatch(expected: ["a", "c"], found: ["a", "b"])) {
            try BlockModel(text: Self.twoTrees, expectedFeatures: ["a", "c"])
        }
    }
}
