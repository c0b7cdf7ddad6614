import Foundation

/// Keeps the blocks of the chosen story container, in order, minus chrome, and records what went and why.
struct StoryAssembler {
    let model: PageModel
    let title: String?
    let template: SiteTemplate?
    /// For every element, whether it lies inside the story container(s).
    let inside: [Bool]

    init(model: PageModel, title: String?, template: SiteTemplate?) {
        self.model = model
        self.title = title
        self.template = template
        self.inside = MainContentSelector(model: model).selectedElements()
    }

    struct Assembly {
        var blocks: [TextBlock] = []
        /// For every kept block, its index in `PageModel.blocks`.
        var keptPositions: [Int] = []
        var removed: [RemovedBlock] = []
        var keptChars = 0
        /// For every removed block, its index in `PageModel.blocks`.
        var removedPositions: [Int] = []
        /// The rules' verdict on every block of the page (indexed like `PageModel.blocks`).
        var verdicts: [BlockVerdict] = []

        mutating func drop(_ position: Int, text: String, reason: String, verdict: BlockVerdict) {
            removed.append(RemovedBlock(text: text, reason: reason))
            removedPositions.append(position)
            verdicts[position] = verdict
        }
    }

    /// Blocks shorter than this (UTF-8 bytes) are tested against the short-chrome phrases.
    static let shortBlockLimit: Int32 = 140

    func assemble() -> Assembly {
        var assembly = Assembly()
        assembly.verdicts = [BlockVerdict](repeating: .kept, count: model.blocks.count)
        var sectionCut: String?
        let normalizedTitle = title.map(TemplateBlock.normalize)
        let lead = leadBlocks()
        for (position, block) in model.blocks.enumerated() {
            guard isInside(block) || lead.contains(position) else {
                assembly.drop(position, text: block.text, reason: "outside main content", verdict: .outside)
                continue
            }
            if let cut = sectionCut {
                assembly.drop(position, text: block.text, reason: "after \"\(cut)\"", verdict: .sectionCut)
                continue
            }
            if block.chromeReason >= 0 {
                assembly.drop(position, text: block.text, reason: model.reasons[Int(block.chromeReason)], verdict: .chromeSubtree)
                continue
            }
            if keptCharsAllowCut(assembly.keptChars), let marker = ChromeText.sectionMarker(for: block.text, isHeading: block.kind == .heading) {
                // Cut the rest only when less story-like text follows than came before; a terminal marker
                // (comments, author) cuts a long thread too, unless it stands above the story ("12 Comments"
                // by the headline): little kept before it, most of the prose after.
                let isStrong = ChromeText.terminalMarkers.contains(marker)
                let after = proseAfter(position)
                if isStrong ? !Self.precedesStory(kept: assembly.keptChars, proseAfter: after) : after < assembly.keptChars {
                    sectionCut = marker
                }
                assembly.drop(position, text: block.text, reason: "chrome heading \"\(marker)\"", verdict: .chromeHeading)
                continue
            }
            if let (reason, verdict) = reason(for: block, normalizedTitle: normalizedTitle) {
                assembly.drop(position, text: block.text, reason: reason, verdict: verdict)
                continue
            }
            assembly.blocks.append(TextBlock(kind: block.kind, text: block.text))
            assembly.keptPositions.append(position)
            assembly.keptChars += Int(block.chars)
        }
        dropTailPromotions(&assembly)
        // A heading with nothing after it introduces something that is not there (or not story).
        while let last = assembly.blocks.last, last.kind == .heading, assembly.blocks.count > 1 {
            assembly.blocks.removeLast()
            assembly.drop(assembly.keptPositions.removeLast(), text: last.text, reason: "heading at the end of the story", verdict: .textRule)
            assembly.keptChars -= last.text.utf8.count
        }
        return assembly
    }

    /// The last few blocks of a story often sell something: a newsletter, the author's Twitter.
    private func dropTailPromotions(_ assembly: inout Assembly) {
        let window = min(Self.tailWindow, assembly.blocks.count - 1)
        guard window > 0 else { return }
        for index in stride(from: assembly.blocks.count - 1, through: assembly.blocks.count - window, by: -1)
            where ChromeText.isTailPromotion(assembly.blocks[index].text) {
            let block = assembly.blocks.remove(at: index)
            assembly.drop(assembly.keptPositions.remove(at: index), text: block.text, reason: "promotion at the end of the story", verdict: .textRule)
            assembly.keptChars -= block.text.utf8.count
        }
    }

    /// A lead paragraph is at least this long (UTF-8 bytes); shorter lines are deks and kickers.
    static let minimumLeadBytes: Int32 = 120

    /// At most this many lead paragraphs are taken from before the story container.
    static let maximumLeadBlocks = 3

    /// How many final blocks ``dropTailPromotions`` inspects.
    static let tailWindow = 4

    /// Prose between the headline (`<h1>`) and the story container: a standfirst or lead paragraph
    /// that the page keeps in its header, outside the body container.
    private func leadBlocks() -> Set<Int> {
        guard let first = model.blocks.firstIndex(where: isInside) else { return [] }
        guard let headline = model.blocks[..<first].lastIndex(where: { $0.ownerTag == .h1 }) else { return [] }
        // Only from the same <article> or <main> as the story container.
        guard let scope = storyScope(of: Int(model.blocks[first].owner)) else { return [] }
        // Walk back from the container: chrome and short lines (dates, bylines) are passed over,
        // other text (a teaser list, a menu) ends the lead; at most three paragraphs.
        var lead = Set<Int>()
        var position = first - 1
        while position > headline, lead.count < Self.maximumLeadBlocks {
            let block = model.blocks[position]
            position -= 1
            if block.chromeReason >= 0 || block.chars < 25 { continue }
            guard block.chars >= Self.minimumLeadBytes, block.kind != .heading, block.linkChars * 4 < block.chars,
                  isDescendant(Int(block.owner), of: scope) else {
                if block.chars >= 60 { break } else { continue }
            }
            lead.insert(position + 1)
        }
        return lead
    }

    /// The nearest `<article>` or `<main>` around an element.
    private func storyScope(of element: Int) -> Int? {
        var current = element
        while current >= 0 {
            if model.elements[current].tag == .article || model.elements[current].tag == .main { return current }
            current = Int(model.elements[current].parent)
        }
        return nil
    }

    private func isDescendant(_ element: Int, of ancestor: Int) -> Bool {
        var current = element
        while current >= 0 {
            if current == ancestor { return true }
            current = Int(model.elements[current].parent)
        }
        return false
    }

    private func keptCharsAllowCut(_ kept: Int) -> Bool { kept >= 150 }

    /// A terminal marker with under ``storyOpeningBytes`` kept before it and three times as much prose
    /// after it stands above the story (a comment-count link under the headline), not after it.
    static func precedesStory(kept: Int, proseAfter: Int) -> Bool {
        kept < storyOpeningBytes && kept * 3 < proseAfter
    }

    /// What a headline area holds before the story starts: dek, byline, date (UTF-8 bytes).
    static let storyOpeningBytes = 500

    private func isInside(_ block: PageModel.Block) -> Bool {
        let owner = Int(block.owner)
        return owner < inside.count && inside[owner]
    }

    /// Low-link-density text of 80+ bytes after the block at `position` in the story container.
    private func proseAfter(_ position: Int) -> Int {
        var total = 0
        for later in model.blocks[(position + 1)...] where later.chromeReason < 0 && later.chars >= 80
            && later.linkChars * 4 < later.chars && isInside(later) {
            total += Int(later.chars)
        }
        return total
    }

    /// A block that is nothing but a web address ("http://amzn.to/2iJFhRj") inside the story container:
    /// an author pasted the link as part of the text. Navigation and promotion links carry words instead,
    /// so such a block is kept despite its link density.
    static func isBareURL(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count >= 12, bytes.count <= 300,
              !bytes.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }) else { return false }
        let prefix = String(decoding: bytes.prefix(8), as: UTF8.self).lowercased()
        return prefix.hasPrefix("http://") || prefix.hasPrefix("https://")
    }

    private func endsSentence(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return false }
        return ".!?\"”’)…".unicodeScalars.contains(last)
    }

    private func reason(for block: PageModel.Block, normalizedTitle: String?) -> (String, BlockVerdict)? {
        if let template, template.contains(text: block.text) { return ("site template", .siteTemplate) }
        if let reason = ChromeText.reason(for: block.text, isShort: block.chars < Self.shortBlockLimit) {
            return (reason, .textRule)
        }
        if block.linkChars * 5 > block.chars * 4 || (block.linkChars * 2 > block.chars && !endsSentence(block.text)),
           !Self.isBareURL(block.text) {
            let density = Double(block.linkChars) / Double(max(block.chars, 1))
            return ("link density \(String(format: "%.2f", density))", .linkDensity)
        }
        if block.kind == .heading, let normalizedTitle, TemplateBlock.normalize(block.text) == normalizedTitle {
            return ("headline (kept as title)", .headline)
        }
        return nil
    }
}
