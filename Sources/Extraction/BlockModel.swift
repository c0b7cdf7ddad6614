import Foundation

/// A learned block classifier: gradient-boosted regression trees over ``BlockFeatures``, read from a
/// small text file that `scripts/train-block-model.py` writes (scikit-learn's
/// `GradientBoostingClassifier`, exported node by node). Evaluating it is a few hundred comparisons
/// per block; nothing but this Swift runs at extraction time.
///
/// The file format, one item per line, `#` lines ignored:
///
///     syndic-block-model 1
///     features kept outside chrome_subtree …      (must equal BlockFeatures.names)
///     threshold 0.5                               (keep a block when P(story) ≥ threshold)
///     threshold outside 0.9                       (optional, per rules' verdict: the threshold for the
///                                                  blocks the rules gave that ``BlockVerdict``)
///     reach 2                                     (optional: a block the rules removed comes back only
///                                                  within this many blocks of one they kept)
///     base -1.25                                  (initial log-odds)
///     rate 0.1                                    (learning rate: the weight of every tree)
///     tree 7                                      (then 7 node lines)
///     3 4.5 1 4 0                                 (feature, threshold, left, right, value; a leaf has feature -1)
///
/// A node sends a vector left when `vector[feature] <= threshold`, as scikit-learn does.
///
/// ```swift
/// let model = try BlockModel(text: String(contentsOfFile: path, encoding: .utf8))
/// let keep = model.probability(vector) >= model.threshold
/// ```
struct BlockModel: Sendable {
    struct Node: Sendable, Equatable {
        var feature: Int32
        var threshold: Float
        var left: Int32
        var right: Int32
        var value: Float
    }

    /// The feature names the model was trained on (equal to ``BlockFeatures/names``).
    let features: [String]
    /// Keep a block when its probability of being story text is at least this (unless its verdict has
    /// its own threshold, ``threshold(for:)``).
    let threshold: Float
    /// Per ``BlockVerdict`` (by raw value): the threshold for the blocks the rules gave that verdict.
    let verdictThresholds: [Float]
    /// A block the rules removed is brought back only when a block they kept is at most this many
    /// blocks away (nil: anywhere on the page).
    let reach: Int?
    let base: Float
    let rate: Float
    /// Every tree's nodes; node 0 is the root.
    let trees: [[Node]]
    /// All trees' nodes in one array, children as indices into it (``score(_:at:)`` walks this).
    private let flat: [Node]
    /// Where each tree's root is in ``flat``.
    private let roots: [Int]
    /// For tree i: the least and the most that trees i… can still add to a score (sums of their lowest
    /// and highest leaves), one extra 0 at the end; ``reaches(_:_:at:)`` stops once the answer is certain.
    private let restLow: [Float]
    private let restHigh: [Float]

    /// Parses a model file. `expectedFeatures` is checked against the file's `features` line.
    init(text: String, expectedFeatures: [String] = BlockFeatures.names) throws(BlockModelError) {
        var lines = Lines(text: text)
        func next() throws(BlockModelError) -> (Int, [Substring]) {
            guard let line = lines.next() else { throw .truncated }
            return line
        }
        func value(_ key: String) throws(BlockModelError) -> Float {
            let (number, fields) = try next()
            guard fields.count == 2, fields[0] == key, let value = Float(fields[1]) else {
                throw .malformedLine(number, expected: "\(key) NUMBER")
            }
            return value
        }
        let (headerLine, header) = try next()
        guard header.count == 2, header[0] == "syndic-block-model", header[1] == "1" else {
            throw .malformedLine(headerLine, expected: "syndic-block-model 1")
        }
        let (featureLine, names) = try next()
        guard names.first == "features" else { throw .malformedLine(featureLine, expected: "features NAME…") }
        features = names.dropFirst().map(String.init)
        guard features == expectedFeatures else { throw .featureMismatch(expected: expectedFeatures, found: features) }
        threshold = try value("threshold")
        var verdictThresholds = [Float](repeating: threshold, count: BlockVerdict.allCases.count)
        var reach: Int?
        // Optional lines before `base`: `threshold VERDICT NUMBER` and `reach BLOCKS`.
        while let (number, fields) = lines.peek(), fields.first == "threshold" || fields.first == "reach" {
            _ = lines.next()
            if fields.first == "reach" {
                guard fields.count == 2, let blocks = Int(fields[1]), blocks >= 0 else {
                    throw .malformedLine(number, expected: "reach BLOCKS")
                }
                reach = blocks
            } else {
                guard fields.count == 3, let verdict = BlockVerdict.allCases.first(where: { "\($0)" == fields[1] }),
                      let value = Float(fields[2]) else {
                    throw .malformedLine(number, expected: "threshold VERDICT NUMBER")
                }
                verdictThresholds[Int(verdict.rawValue)] = value
            }
        }
        self.verdictThresholds = verdictThresholds
        self.reach = reach
        base = try value("base")
        rate = try value("rate")
        var trees: [[Node]] = []
        while let (number, fields) = lines.next() {
            guard fields.count == 2, fields[0] == "tree", let size = Int(fields[1]), size > 0 else {
                throw .malformedLine(number, expected: "tree COUNT")
            }
            var nodes: [Node] = []
            nodes.reserveCapacity(size)
            for _ in 0..<size {
                let (nodeLine, fields) = try next()
                guard fields.count == 5, let feature = Int32(fields[0]), let threshold = Float(fields[1]),
                      let left = Int32(fields[2]), let right = Int32(fields[3]), let value = Float(fields[4]) else {
                    throw .malformedLine(nodeLine, expected: "FEATURE THRESHOLD LEFT RIGHT VALUE")
                }
                if feature >= 0 {
                    guard Int(feature) < features.count, left > 0, right > 0, Int(left) < size, Int(right) < size,
                          left > Int32(nodes.count), right > Int32(nodes.count) else {
                        throw .badNode(tree: trees.count, node: nodes.count)
                    }
                } else if feature != -1 {
                    throw .badNode(tree: trees.count, node: nodes.count)
                }
                nodes.append(Node(feature: feature, threshold: threshold, left: left, right: right, value: value))
            }
            trees.append(nodes)
        }
        guard !trees.isEmpty else { throw .truncated }
        self.trees = trees
        var flat: [Node] = []
        var roots: [Int] = []
        for tree in trees {
            let offset = Int32(flat.count)
            roots.append(flat.count)
            flat += tree.map { node in
                node.feature >= 0 ? Node(feature: node.feature, threshold: node.threshold, left: node.left + offset,
                                         right: node.right + offset, value: node.value) : node
            }
        }
        self.flat = flat
        self.roots = roots
        var restLow = [Float](repeating: 0, count: trees.count + 1)
        var restHigh = [Float](repeating: 0, count: trees.count + 1)
        let weight = rate
        for index in trees.indices.reversed() {
            let leaves = trees[index].filter { $0.feature < 0 }.map { weight * $0.value }
            restLow[index] = restLow[index + 1] + (leaves.min() ?? 0)
            restHigh[index] = restHigh[index + 1] + (leaves.max() ?? 0)
        }
        self.restLow = restLow
        self.restHigh = restHigh
    }

    /// The probability a block needs to be kept, given what the rules decided about it.
    func threshold(for verdict: BlockVerdict) -> Float {
        verdictThresholds[Int(verdict.rawValue)]
    }

    /// The model's log-odds that the block whose features start at `values[offset]` is story text.
    func score(_ values: [Float], at offset: Int = 0) -> Float {
        precondition(offset >= 0 && offset + features.count <= values.count, "feature vector too short")
        return values.withUnsafeBufferPointer { buffer in
            flat.withUnsafeBufferPointer { nodes in
                var total = base
                for root in roots {
                    var index = root
                    // Children always come after their parent (checked when reading), so this ends.
                    while nodes[index].feature >= 0 {
                        let node = nodes[index]
                        index = Int(buffer[offset + Int(node.feature)] <= node.threshold ? node.left : node.right)
                    }
                    total += rate * nodes[index].value
                }
                return total
            }
        }
    }

    /// The probability that the block whose features start at `values[offset]` is story text.
    func probability(_ values: [Float], at offset: Int = 0) -> Float {
        Self.probability(score: score(values, at: offset))
    }

    /// Whether `probability(values, at: offset) >= threshold`, the same answer, but the trees are left
    /// unread as soon as the rest of them cannot change it (most blocks are clear long before the last
    /// tree). Near the threshold every tree is read.
    func reaches(_ threshold: Float, _ values: [Float], at offset: Int = 0) -> Bool {
        guard threshold > 0 else { return true }
        guard threshold < 1 else { return threshold == 1 && probability(values, at: offset) >= 1 }
        precondition(offset >= 0 && offset + features.count <= values.count, "feature vector too short")
        // A margin far above the rounding of a few hundred Float additions keeps the shortcut exact.
        let logOdds = log(threshold / (1 - threshold))
        let margin: Float = 1e-3
        return values.withUnsafeBufferPointer { buffer in
            flat.withUnsafeBufferPointer { nodes in
                var total = base
                for (tree, root) in roots.enumerated() {
                    var index = root
                    while nodes[index].feature >= 0 {
                        let node = nodes[index]
                        index = Int(buffer[offset + Int(node.feature)] <= node.threshold ? node.left : node.right)
                    }
                    total += rate * nodes[index].value
                    if total + restLow[tree + 1] >= logOdds + margin { return true }
                    if total + restHigh[tree + 1] < logOdds - margin { return false }
                }
                return Self.probability(score: total) >= threshold
            }
        }
    }

    private static func probability(score: Float) -> Float {
        1 / (1 + exp(-score))
    }
}

/// The non-empty, non-comment lines of a model file, split into fields, with their line numbers.
private struct Lines {
    private let lines: [(Int, [Substring])]
    private var index = 0

    init(text: String) {
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap {
            let line = $0.element.trimmingCharacters(in: .whitespaces)
            return line.isEmpty || line.hasPrefix("#") ? nil : ($0.offset + 1, line.split(separator: " "))
        }
    }

    /// The next line, without consuming it.
    func peek() -> (Int, [Substring])? { index < lines.count ? lines[index] : nil }

    /// The next line.
    mutating func next() -> (Int, [Substring])? {
        defer { index += 1 }
        return peek()
    }
}
