/// Finds the element subtree(s) that hold the story: a readability-style candidate score
/// (paragraph scores flow to ancestors, damped by distance, weighted by class/id vocabulary and
/// structural evidence, discounted by link density), then related siblings of the winner.
struct MainContentSelector {
    let model: PageModel

    /// For every element, whether it lies inside the selected story container(s).
    func selectedElements() -> [Bool] {
        let count = model.elements.count
        guard count > 0 else { return [] }
        var totals = [Int32](repeating: 0, count: count)
        var linkTotals = [Int32](repeating: 0, count: count)
        for block in model.blocks where block.chromeReason < 0 {
            totals[Int(block.owner)] += block.chars
            linkTotals[Int(block.owner)] += block.linkChars
        }
        // Pre-order indices: children come after parents, so one backward pass sums subtrees.
        for index in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(model.elements[index].parent)
            if parent >= 0 {
                totals[parent] += totals[index]
                linkTotals[parent] += linkTotals[index]
            }
        }

        var scores = [Float](repeating: 0, count: count)
        var scored = [Bool](repeating: false, count: count)
        func initialize(_ index: Int) {
            guard !scored[index] else { return }
            scored[index] = true
            scores[index] = baseScore(model.elements[index])
        }
        for block in model.blocks where block.chromeReason < 0 && block.chars >= 25 {
            if block.ownerTag.isHeading { continue }
            let score = 1 + Float(block.commas) + min(Float(block.chars) / 100, 3)
            var ancestor = Int(model.elements[Int(block.owner)].parent)
            var level = 0
            while ancestor >= 0, level < 5 {
                initialize(ancestor)
                let divider: Float = level == 0 ? 1 : (level == 1 ? 2 : Float(level * 3))
                scores[ancestor] += score / divider
                ancestor = Int(model.elements[ancestor].parent)
                level += 1
            }
        }
        for index in 0..<count where scored[index] {
            let density = totals[index] > 0 ? Float(linkTotals[index]) / Float(totals[index]) : 0
            scores[index] *= (1 - density)
        }

        var top = -1
        for index in 0..<count where scored[index] && model.elements[index].chromeReason < 0 {
            if top < 0 || scores[index] > scores[top] { top = index }
        }
        var selected = [Bool](repeating: false, count: count)
        guard top >= 0 else {
            selected[Int(model.body)] = true
            return propagate(selected)
        }

        top = climbToSharedAncestor(top: top, scores: scores, scored: scored)
        top = climbWhileParentScoresHigher(top: top, scores: scores, scored: scored)
        top = preferStructuralContainer(over: top)
        top = climbOverProse(from: top, totals: totals, linkTotals: linkTotals)
        while true {
            let parent = Int(model.elements[top].parent)
            guard parent >= 0, parent != Int(model.body), model.elements[parent].elementChildren == 1 else { break }
            top = parent
        }

        selected[top] = true
        let parent = Int(model.elements[top].parent)
        let siblingProse = proseTotals()
        if parent >= 0 {
            let threshold = max(10, scores[top] * 0.2)
            let topClass = model.elements[top].classKey
            for index in (parent + 1)..<count where model.elements[index].parent == Int32(parent) && index != top {
                let sibling = model.elements[index]
                guard sibling.chromeReason < 0 else { continue }
                var bonus: Float = 0
                if topClass != 0, sibling.classKey == topClass { bonus = scores[top] * 0.2 }
                if scored[index], scores[index] + bonus >= threshold, siblingProse[index] * 2 >= totals[index] {
                    selected[index] = true
                } else if sibling.tag == .p, totals[index] > 0 {
                    let density = Float(linkTotals[index]) / Float(totals[index])
                    if totals[index] > 80, density < 0.25 { selected[index] = true }
                    else if totals[index] < 80, density == 0, endsWithPeriod(element: index) { selected[index] = true }
                }
            }
        }
        // Stories split into chunks that repeat the winner's class (one per ad slot): take them all.
        let topClass = model.elements[top].classKey
        if topClass != 0 {
            let prose = proseTotals()
            for index in 0..<count where index != top && model.elements[index].classKey == topClass && scored[index] {
                let element = model.elements[index]
                guard element.chromeReason < 0, scores[index] >= max(5, scores[top] * 0.1), totals[index] > 0,
                      Float(linkTotals[index]) / Float(totals[index]) < 0.33, prose[index] * 2 >= totals[index],
                      !isAncestor(index, of: top), !isAncestor(top, of: index)
                else { continue }
                selected[index] = true
            }
        }
        return propagate(selected)
    }

    /// Prose bytes (blocks of 80+ bytes, under 25% link text, not chrome) in each element's subtree.
    private func proseTotals() -> [Int32] {
        let count = model.elements.count
        var prose = [Int32](repeating: 0, count: count)
        for block in model.blocks where block.chromeReason < 0 && block.chars >= 80 && block.linkChars * 4 < block.chars {
            prose[Int(block.owner)] += block.chars
        }
        for index in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(model.elements[index].parent)
            if parent >= 0 { prose[parent] += prose[index] }
        }
        return prose
    }

    /// Markup that names the story container beats the score: `itemprop=articleBody` when it holds
    /// at least 40% of the page's prose brings the lead paragraph and chunks the score missed.
    /// (Content class names and lone `<article>`s were measured too: on the dev pages they pulled
    /// in more chrome than story.)
    private func preferStructuralContainer(over top: Int) -> Int {
        let prose = proseTotals()
        let pageProse = prose[0]
        guard pageProse > 0 else { return top }
        var best = -1
        for index in 0..<model.elements.count where model.elements[index].evidenceRank == 3
            && model.elements[index].chromeReason < 0 {
            if best < 0 || prose[index] > prose[best] { best = index }
        }
        guard best >= 0, prose[best] * 10 >= pageProse * 4 else { return top }
        if isAncestor(best, of: top) { return best }
        if isAncestor(top, of: best) { return prose[best] * 10 >= prose[top] * 7 ? best : top }
        return prose[best] * 2 >= prose[top] ? best : top
    }

    /// Widens the container while its parent adds only prose: a lead paragraph in the article
    /// header, a last paragraph after an ad slot. Link lists, teasers, chrome and the neighbouring
    /// cells of a layout table stop the climb.
    private func climbOverProse(from start: Int, totals: [Int32], linkTotals: [Int32]) -> Int {
        let prose = proseTotals()
        var top = start
        while true {
            let parent = Int(model.elements[top].parent)
            guard parent >= 0, model.elements[parent].tag != .body, model.elements[parent].tag != .html,
                  model.elements[parent].chromeReason < 0 else { break }
            if [.tr, .tbody, .thead, .table].contains(model.elements[parent].tag) { break }
            let extraChars = Float(totals[parent] - totals[top])
            let extraProse = Float(prose[parent] - prose[top])
            let extraLinks = Float(linkTotals[parent] - linkTotals[top])
            if extraChars > 0, extraProse < 0.6 * extraChars || extraLinks > 0.15 * extraChars
                || extraChars > Float(totals[top]) { break }
            top = parent
        }
        return top
    }

    private func hasArticleAncestor(_ index: Int) -> Bool {
        var current = Int(model.elements[index].parent)
        while current >= 0 {
            if model.elements[current].tag == .article { return true }
            current = Int(model.elements[current].parent)
        }
        return false
    }

    private func baseScore(_ element: PageModel.Element) -> Float {
        var score: Float
        switch element.tag {
        case .div, .article, .main: score = 5
        case .pre, .td, .blockquote: score = 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score = -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: score = -5
        default: score = 0
        }
        if element.tag == .article { score += 10 }
        return score + Float(element.weight)
    }

    /// Readability: when several strong candidates share an ancestor of the winner, the ancestor wins.
    private func climbToSharedAncestor(top: Int, scores: [Float], scored: [Bool]) -> Int {
        let topScore = scores[top]
        guard topScore > 0 else { return top }
        var alternatives: [Int] = []
        var ranked = (0..<scores.count).filter { scored[$0] && $0 != top && model.elements[$0].chromeReason < 0 }
        ranked.sort { scores[$0] > scores[$1] }
        for index in ranked.prefix(4) where scores[index] / topScore >= 0.75 { alternatives.append(index) }
        guard alternatives.count >= 3 else { return top }
        var ancestor = Int(model.elements[top].parent)
        while ancestor >= 0, model.elements[ancestor].tag != .body {
            let containing = alternatives.filter { isAncestor(ancestor, of: $0) }.count
            if containing >= 3 { return ancestor }
            ancestor = Int(model.elements[ancestor].parent)
        }
        return top
    }

    private func climbWhileParentScoresHigher(top start: Int, scores: [Float], scored: [Bool]) -> Int {
        var top = start
        var lastScore = scores[top]
        let threshold = lastScore / 3
        var parent = Int(model.elements[top].parent)
        while parent >= 0, model.elements[parent].tag != .body {
            if !scored[parent] {
                parent = Int(model.elements[parent].parent)
                continue
            }
            let parentScore = scores[parent]
            if parentScore < threshold { break }
            if parentScore > lastScore {
                top = parent
                break
            }
            lastScore = parentScore
            parent = Int(model.elements[parent].parent)
        }
        return top
    }

    private func isAncestor(_ ancestor: Int, of index: Int) -> Bool {
        var current = index
        var steps = 0
        while current >= 0, steps < 10_000 {
            if current == ancestor { return true }
            current = Int(model.elements[current].parent)
            steps += 1
        }
        return false
    }

    private func endsWithPeriod(element: Int) -> Bool {
        guard let block = model.blocks.last(where: { $0.owner == Int32(element) }) else { return false }
        return block.text.hasSuffix(".")
    }

    /// Marks every descendant of a selected element (pre-order: parents come first).
    private func propagate(_ selected: [Bool]) -> [Bool] {
        var inside = selected
        for index in 0..<inside.count where !inside[index] {
            let parent = Int(model.elements[index].parent)
            if parent >= 0, inside[parent] { inside[index] = true }
        }
        return inside
    }
}
