/// Applies the learned ``BlockModel`` to the rules' assembly of a page: a block is kept when the model's
/// probability of story text reaches the threshold for the rules' verdict on it (``BlockModel/threshold(for:)``).
/// The rules' verdicts are features, so the model keeps them where they are right and overturns them
/// where the training pages say they are wrong (a teaser list chosen as the story, a related-links list
/// kept at the end, a story paragraph cut as a caption). The thresholds make it asymmetric: a block the
/// rules kept goes only when the model is very sure it is not story, a block they removed comes back only
/// when the model is sure it is story and (with ``BlockModel/reach``) it stands near kept text. Blocks of
/// the host's ``SiteTemplate`` stay removed; when the model would keep nothing, the rules' assembly stands.
enum BlockClassifier {
    static func apply(
        _ classifier: BlockModel, page: PageModel, vectors: BlockFeatures.Matrix, to assembly: StoryAssembler.Assembly
    ) -> StoryAssembler.Assembly {
        var result = StoryAssembler.Assembly()
        result.verdicts = assembly.verdicts
        var removedIndex = [Int](repeating: -1, count: page.blocks.count)
        for (index, position) in assembly.removedPositions.enumerated() { removedIndex[position] = index }
        let near = classifier.reach.map { nearKept(assembly.verdicts, within: $0) }
        for (position, block) in page.blocks.enumerated() {
            let verdict = assembly.verdicts[position]
            let threshold = classifier.threshold(for: verdict)
            // Only blocks whose fate the model can change are scored (a threshold over 1 is never reached,
            // one of 0 or below always is).
            let eligible = threshold <= 1 && (verdict == .kept || (verdict != .siteTemplate && near?[position] ?? true))
            if eligible && classifier.reaches(threshold, vectors.values, at: position * BlockFeatures.count) {
                result.blocks.append(TextBlock(kind: block.kind, text: block.text))
                result.keptPositions.append(position)
                result.keptChars += Int(block.chars)
            } else {
                let reason = removedIndex[position] >= 0 ? assembly.removed[removedIndex[position]].reason
                    : "block model: P(story) under \(Int((threshold * 100).rounded()))%"
                result.removed.append(RemovedBlock(text: block.text, reason: reason))
                result.removedPositions.append(position)
            }
        }
        return result.blocks.isEmpty ? assembly : result
    }

    /// Per block: whether a block the rules kept is at most `reach` blocks away.
    static func nearKept(_ verdicts: [BlockVerdict], within reach: Int) -> [Bool] {
        var near = [Bool](repeating: false, count: verdicts.count)
        var last = Int.min / 2
        for position in verdicts.indices {
            if verdicts[position] == .kept { last = position }
            near[position] = position - last <= reach
        }
        last = Int.max / 2
        for position in verdicts.indices.reversed() {
            if verdicts[position] == .kept { last = position }
            if last - position <= reach { near[position] = true }
        }
        return near
    }
}
