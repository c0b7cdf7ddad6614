/// Applies the learned ``BlockModel`` to the rules' assembly of a page: every block (story or not)
/// is kept when the model's probability of story text reaches its threshold. The rules' verdicts are
/// features, so the model keeps them where they are right and overturns them where the training pages
/// say they are wrong (a teaser list chosen as the story, a related-links list kept at the end, a story
/// paragraph cut as a caption). Blocks of the host's ``SiteTemplate`` stay removed; when the model
/// would keep nothing, the rules' assembly stands.
enum BlockClassifier {
    static func apply(
        _ classifier: BlockModel, page: PageModel, vectors: BlockFeatures.Matrix, to assembly: StoryAssembler.Assembly
    ) -> StoryAssembler.Assembly {
        var result = StoryAssembler.Assembly()
        result.verdicts = assembly.verdicts
        var removedIndex = [Int](repeating: -1, count: page.blocks.count)
        for (index, position) in assembly.removedPositions.enumerated() { removedIndex[position] = index }
        for (position, block) in page.blocks.enumerated() {
            let verdict = assembly.verdicts[position]
            let probability = verdict == .siteTemplate ? 0 : classifier.probability(vectors.values, at: position * BlockFeatures.count)
            if probability >= classifier.threshold {
                result.blocks.append(TextBlock(kind: block.kind, text: block.text))
                result.keptPositions.append(position)
                result.keptChars += Int(block.chars)
            } else {
                let reason = removedIndex[position] >= 0 ? assembly.removed[removedIndex[position]].reason
                    : "block model \(Int((probability * 100).rounded()))%"
                result.removed.append(RemovedBlock(text: block.text, reason: reason))
                result.removedPositions.append(position)
            }
        }
        return result.blocks.isEmpty ? assembly : result
    }
}
