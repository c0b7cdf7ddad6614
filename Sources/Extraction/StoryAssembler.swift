/// Keeps the blocks of the chosen story container, in order, minus chrome, and records what went and why.
struct StoryAssembler {
    let model: PageModel
    let title: String?
    let template: SiteTemplate?

    struct Assembly {
        var blocks: [TextBlock] = []
        var removed: [RemovedBlock] = []
        var keptChars = 0
    }

    /// Blocks shorter than this (UTF-8 bytes) are tested against the short-chrome phrases.
    static let shortBlockLimit: Int32 = 140

    func assemble() -> Assembly {
        let inside = MainContentSelector(model: model).selectedElements()
        var assembly = Assembly()
        var sectionCut: String?
        let normalizedTitle = title.map(TemplateBlock.normalize)
        for block in model.blocks {
            guard inside.indices.contains(Int(block.owner)), inside[Int(block.owner)] else {
                assembly.removed.append(RemovedBlock(text: block.text, reason: "outside main content"))
                continue
            }
            if let cut = sectionCut {
                assembly.removed.append(RemovedBlock(text: block.text, reason: "after \"\(cut)\""))
                continue
            }
            if block.chromeReason >= 0 {
                assembly.removed.append(RemovedBlock(text: block.text, reason: model.reasons[Int(block.chromeReason)]))
                continue
            }
            if let reason = reason(for: block, normalizedTitle: normalizedTitle, keptChars: assembly.keptChars,
                                   sectionCut: &sectionCut) {
                assembly.removed.append(RemovedBlock(text: block.text, reason: reason))
                continue
            }
            assembly.blocks.append(TextBlock(kind: block.kind, text: block.text))
            assembly.keptChars += Int(block.chars)
        }
        return assembly
    }

    private func reason(
        for block: PageModel.Block, normalizedTitle: String?, keptChars: Int, sectionCut: inout String?
    ) -> String? {
        if keptChars >= 150, let marker = ChromeText.sectionMarker(for: block.text) {
            sectionCut = marker
            return "starts a chrome section (\"\(marker)\")"
        }
        if let template, template.contains(text: block.text) { return "site template" }
        if let reason = ChromeText.reason(for: block.text, isShort: block.chars < Self.shortBlockLimit) {
            return reason
        }
        if block.linkChars * 2 > block.chars {
            let density = Double(block.linkChars) / Double(max(block.chars, 1))
            return "link density \(String(format: "%.2f", density))"
        }
        if block.kind == .heading, let normalizedTitle, TemplateBlock.normalize(block.text) == normalizedTitle {
            return "headline (kept as title)"
        }
        return nil
    }
}
