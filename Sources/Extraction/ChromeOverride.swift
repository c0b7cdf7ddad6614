/// Second opinion on chrome marks: an element named like chrome (or a `<header>`, `<nav>` …) that
/// holds at least half of the page's prose is not chrome. This catches layout wrappers with chrome
/// words in their names and libxml2 recovering an unclosed `<header>` around the whole page.
/// Comment sections are exempt: a long discussion can outweigh a short story. `<aside>`, `<nav>`
/// and `<footer>` are overridden only when they hold an `<article>` or a named story container.
enum ChromeOverride {
    /// Prose: blocks of at least this many UTF-8 bytes with under 25% link text.
    static let proseBlockBytes: Int32 = 80

    static func apply(to model: inout PageModel) {
        let count = model.elements.count
        guard count > 0 else { return }
        var prose = [Int32](repeating: 0, count: count)
        var proseBlocks = [Int32](repeating: 0, count: count)
        for block in model.blocks where block.chars >= proseBlockBytes && block.linkChars * 4 < block.chars {
            prose[Int(block.owner)] += block.chars
            proseBlocks[Int(block.owner)] += 1
        }
        var holdsStory = [Bool](repeating: false, count: count)
        var holdsArticleBody = [Bool](repeating: false, count: count)
        for index in stride(from: count - 1, through: 1, by: -1) {
            let parent = Int(model.elements[index].parent)
            if model.elements[index].evidenceRank > 0, prose[index] > 0 { holdsStory[index] = true }
            if model.elements[index].evidenceRank == 3, prose[index] > 0 { holdsArticleBody[index] = true }
            if parent >= 0 {
                prose[parent] += prose[index]
                proseBlocks[parent] += proseBlocks[index]
                if holdsStory[index] { holdsStory[parent] = true }
                if holdsArticleBody[index] { holdsArticleBody[parent] = true }
            }
        }
        let pageProse = prose[0]
        guard pageProse > 0 else { return }
        var changed = false
        for index in 0..<count {
            let own = model.elements[index].ownReason
            // A caption is one short text; a "caption-image" wrapper holding paragraphs is story layout.
            if own >= 0, proseBlocks[index] >= 2, isCaptionName(model.reasons[Int(own)]) {
                model.elements[index].ownReason = -1
                changed = true
                continue
            }
            guard own >= 0, prose[index] * 2 >= pageProse else { continue }
            // An itemprop=articleBody holding the page's prose outranks any name around it.
            guard holdsArticleBody[index] || isOverridable(model.reasons[Int(own)]),
                  holdsStory[index] || ![.aside, .nav, .footer].contains(model.elements[index].tag) else { continue }
            model.elements[index].ownReason = -1
            changed = true
        }
        guard changed else { return }
        for index in 0..<count {
            let parent = Int(model.elements[index].parent)
            let inherited = parent >= 0 ? model.elements[parent].chromeReason : -1
            let own = model.elements[index].ownReason
            model.elements[index].chromeReason = inherited >= 0 ? inherited : own
        }
        for position in model.blocks.indices {
            model.blocks[position].chromeReason = model.elements[Int(model.blocks[position].owner)].chromeReason
        }
    }

    /// Names can mislead and libxml2 may stretch an unclosed `<header>`; `<aside>`, `<nav>`,
    /// `<footer>` and ARIA roles are deliberate, and discussions may be long.
    private static func isOverridable(_ reason: String) -> Bool {
        (reason.hasPrefix("class/id") || reason.hasPrefix("<")) && !isDiscussion(reason) && !isDialog(reason)
    }

    /// A class/id mark by the word caption ("wp-caption", "caption-image").
    static func isCaptionName(_ reason: String) -> Bool {
        reason.hasPrefix("class/id") && reason.containsBytes("caption")
    }

    /// Dialogs and consent layers are never the story, however much text their tables and policies hold.
    static func isDialog(_ reason: String) -> Bool {
        ["\"dialog\"", "cookie", "consent", "gdpr"].contains { reason.containsBytes($0) }
    }

    static func isDiscussion(_ reason: String) -> Bool {
        let lowered = reason.lowercased()
        return ["comment", "repl", "respond", "disqus", "kommentar", "komentarz"].contains { lowered.containsBytes($0) }
    }
}
