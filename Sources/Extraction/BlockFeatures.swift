import Foundation

/// Shallow features of every text block of a page, the input of the learned ``BlockModel``.
///
/// Nothing here reads words of a language: sizes, densities, punctuation, position, the tag path,
/// the class/id weight of the ancestors (from ``BoilerplateVocabulary``), the rules' verdict
/// (``BlockVerdict``) and the same for the neighbour blocks. The order of ``names`` is the order of
/// every vector; a model file names its features and is refused when they differ
/// (`scripts/train-block-model.py` writes them).
struct BlockFeatures {
    /// The feature names, in vector order.
    static let names: [String] = [
        "kept", "outside", "chrome_subtree", "section_cut", "chrome_heading", "text_rule", "link_density_rule",
        "headline", "discussion",
        "log_chars", "link_density", "log_words", "sentences", "commas_per_100", "ends_sentence",
        "heading", "list_item", "quote", "tag_p", "tag_div", "tag_td", "tag_span_or_inline",
        "position", "chars_before", "kept_before", "kept_after", "log_distance_to_kept",
        "depth", "in_article_or_main", "evidence", "min_weight", "max_weight", "own_weight",
        "parent_share", "parent_link_density", "grandparent_share",
        "prev_kept", "prev_log_chars", "prev_link_density", "next_kept", "next_log_chars", "next_link_density",
        "kept_share",
    ]

    static var count: Int { names.count }

    /// One row of ``count`` values per block of a page, all in one flat array (one allocation per page).
    struct Matrix {
        let rows: Int
        var values: [Float]

        /// The vector of the block at `row` (a copy; the model reads `values` in place).
        subscript(row: Int) -> [Float] { Array(values[(row * BlockFeatures.count)..<((row + 1) * BlockFeatures.count)]) }
        var count: Int { rows }
    }

    /// One vector of ``count`` values per block of `model`, indexed like `model.blocks`.
    static func vectors(model: PageModel, verdicts: [BlockVerdict]) -> Matrix {
        let blocks = model.blocks
        guard !blocks.isEmpty else { return Matrix(rows: 0, values: []) }
        let elements = model.elements
        // Per element, in one forward pass (parents come before children): depth, inside <article>/<main>,
        // strongest content evidence, lowest and highest class/id weight on the path from the root.
        var depth = [Int16](repeating: 0, count: elements.count)
        var inStory = [Bool](repeating: false, count: elements.count)
        var evidence = [Int8](repeating: 0, count: elements.count)
        var minWeight = [Int16](repeating: 0, count: elements.count)
        var maxWeight = [Int16](repeating: 0, count: elements.count)
        for (index, element) in elements.enumerated() {
            let story = element.tag == .article || element.tag == .main
            let weight = element.weight
            if element.parent >= 0 {
                let parent = Int(element.parent)
                depth[index] = depth[parent] &+ 1
                inStory[index] = inStory[parent] || story
                evidence[index] = max(evidence[parent], element.evidenceRank)
                minWeight[index] = min(minWeight[parent], weight)
                maxWeight[index] = max(maxWeight[parent], weight)
            } else {
                inStory[index] = story
                evidence[index] = element.evidenceRank
                minWeight[index] = min(0, weight)
                maxWeight[index] = max(0, weight)
            }
        }
        // Text and link bytes under every element (one backward pass).
        var totals = [Int32](repeating: 0, count: elements.count)
        var links = [Int32](repeating: 0, count: elements.count)
        var pageChars: Int64 = 0
        var keptTotal: Int64 = 0
        for (position, block) in blocks.enumerated() {
            totals[Int(block.owner)] += block.chars
            links[Int(block.owner)] += block.linkChars
            pageChars += Int64(block.chars)
            if verdicts[position] == .kept { keptTotal += Int64(block.chars) }
        }
        for index in stride(from: elements.count - 1, through: 1, by: -1) where elements[index].parent >= 0 {
            totals[Int(elements[index].parent)] += totals[index]
            links[Int(elements[index].parent)] += links[index]
        }
        // Distance (in blocks) to the nearest kept block, both ways.
        var distance = [Int](repeating: Int.max, count: blocks.count)
        var last = -1
        for position in blocks.indices {
            if verdicts[position] == .kept { last = position }
            if last >= 0 { distance[position] = position - last }
        }
        last = -1
        for position in blocks.indices.reversed() {
            if verdicts[position] == .kept { last = position }
            if last >= 0 { distance[position] = min(distance[position], last - position) }
        }
        let discussion = model.reasons.map(ChromeOverride.isDiscussion)

        let pageTotal = Float(max(pageChars, 1))
        let keptDenominator = Float(max(keptTotal, 1))
        let width = count
        var values = [Float](repeating: 0, count: blocks.count * width)
        var charsBefore: Int64 = 0
        var keptBefore: Int64 = 0
        for (position, block) in blocks.enumerated() {
            let verdict = verdicts[position]
            let owner = Int(block.owner)
            let parent = Int(elements[owner].parent)
            let grandparent = parent >= 0 ? Int(elements[parent].parent) : -1
            let counts = TextCounts(block.text)
            let base = position * width
            values[base + 0] = verdict == .kept ? 1 : 0
            values[base + 1] = verdict == .outside ? 1 : 0
            values[base + 2] = verdict == .chromeSubtree ? 1 : 0
            values[base + 3] = verdict == .sectionCut ? 1 : 0
            values[base + 4] = verdict == .chromeHeading ? 1 : 0
            values[base + 5] = verdict == .textRule ? 1 : 0
            values[base + 6] = verdict == .linkDensity ? 1 : 0
            values[base + 7] = verdict == .headline ? 1 : 0
            values[base + 8] = block.chromeReason >= 0 && discussion[Int(block.chromeReason)] ? 1 : 0
            values[base + 9] = log2(1 + Float(block.chars))
            values[base + 10] = density(block.linkChars, block.chars)
            values[base + 11] = log2(1 + Float(counts.words))
            values[base + 12] = Float(min(counts.sentences, 50))
            values[base + 13] = Float(block.commas) * 100 / Float(max(block.chars, 1))
            values[base + 14] = counts.endsSentence ? 1 : 0
            values[base + 15] = block.kind == .heading ? 1 : 0
            values[base + 16] = block.kind == .listItem ? 1 : 0
            values[base + 17] = block.kind == .quote ? 1 : 0
            values[base + 18] = block.ownerTag == .p ? 1 : 0
            values[base + 19] = block.ownerTag == .div ? 1 : 0
            values[base + 20] = block.ownerTag == .td || block.ownerTag == .th ? 1 : 0
            values[base + 21] = block.ownerTag.isBlock ? 0 : 1
            values[base + 22] = Float(position) / Float(blocks.count)
            values[base + 23] = Float(charsBefore) / pageTotal
            values[base + 24] = Float(keptBefore) / keptDenominator
            let keptHere: Int64 = verdict == .kept ? Int64(block.chars) : 0
            values[base + 25] = keptTotal > 0 ? Float(keptTotal - keptBefore - keptHere) / keptDenominator : 0
            values[base + 26] = distance[position] == Int.max ? 10 : log2(1 + Float(distance[position]))
            values[base + 27] = Float(min(depth[owner], 64))
            values[base + 28] = inStory[owner] ? 1 : 0
            values[base + 29] = Float(evidence[owner])
            values[base + 30] = Float(minWeight[owner])
            values[base + 31] = Float(maxWeight[owner])
            values[base + 32] = Float(elements[owner].weight)
            values[base + 33] = parent >= 0 ? Float(totals[parent]) / pageTotal : 1
            values[base + 34] = parent >= 0 ? density(links[parent], totals[parent]) : 0
            values[base + 35] = grandparent >= 0 ? Float(totals[grandparent]) / pageTotal : 1
            if position > 0 {
                let previous = blocks[position - 1]
                values[base + 36] = verdicts[position - 1] == .kept ? 1 : 0
                values[base + 37] = log2(1 + Float(previous.chars))
                values[base + 38] = density(previous.linkChars, previous.chars)
            } else {
                values[base + 36] = -1
            }
            if position + 1 < blocks.count {
                let next = blocks[position + 1]
                values[base + 39] = verdicts[position + 1] == .kept ? 1 : 0
                values[base + 40] = log2(1 + Float(next.chars))
                values[base + 41] = density(next.linkChars, next.chars)
            } else {
                values[base + 39] = -1
            }
            values[base + 42] = Float(keptTotal) / pageTotal
            charsBefore += Int64(block.chars)
            keptBefore += keptHere
        }
        return Matrix(rows: blocks.count, values: values)
    }

    private static func density(_ part: Int32, _ whole: Int32) -> Float {
        whole > 0 ? min(Float(part) / Float(whole), 1) : 0
    }

    /// Words (runs between spaces), sentence ends (`.`, `!`, `?`, `…` followed by a space or the end)
    /// and whether the text ends like a sentence, counted over the UTF-8 bytes in one pass.
    struct TextCounts: Equatable {
        var words = 0
        var sentences = 0
        var endsSentence = false

        init(_ text: String) {
            var inWord = false
            var afterStop = false
            var lastNonSpace: UInt8 = 0
            var previous: UInt8 = 0
            for byte in text.utf8 {
                let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A
                if isSpace {
                    if afterStop { sentences += 1 }
                    inWord = false
                } else {
                    if !inWord { words += 1 }
                    inWord = true
                    lastNonSpace = byte
                }
                // "." "!" "?" or the last byte of "…" (E2 80 A6).
                afterStop = !isSpace && (byte == 0x2E || byte == 0x21 || byte == 0x3F || (byte == 0xA6 && previous == 0x80))
                previous = byte
            }
            if afterStop { sentences += 1 }
            // Closing quotes and brackets after the stop: ", ”, ’, ) (” and ’ end in 0x9D / 0x99).
            endsSentence = lastNonSpace == 0x2E || lastNonSpace == 0x21 || lastNonSpace == 0x3F || lastNonSpace == 0x22
                || lastNonSpace == 0x29 || lastNonSpace == 0x9D || lastNonSpace == 0x99 || lastNonSpace == 0xA6
        }
    }
}
