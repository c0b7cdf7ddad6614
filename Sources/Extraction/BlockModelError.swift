/// Why a block-model file could not be read.
enum BlockModelError: Error, Equatable, CustomStringConvertible {
    /// The file ended before a complete model.
    case truncated
    /// A line did not have the expected shape.
    case malformedLine(Int, expected: String)
    /// The model was trained on other features than this build computes.
    case featureMismatch(expected: [String], found: [String])
    /// A tree node points outside its tree, backwards, or at an unknown feature.
    case badNode(tree: Int, node: Int)

    var description: String {
        let retrain = "Retrain with scripts/train-block-model.py against this build."
        switch self {
        case .truncated:
            return "The block model file is incomplete. \(retrain)"
        case let .malformedLine(line, expected):
            return "Line \(line) of the block model file is not `\(expected)`. \(retrain)"
        case let .featureMismatch(expected, found):
            return "The block model names \(found.count) features, this build computes \(expected.count) "
                + "(or they differ in order). \(retrain)"
        case let .badNode(tree, node):
            return "Node \(node) of tree \(tree) in the block model file is invalid. \(retrain)"
        }
    }
}
