/// What the hand-written rules (``StoryAssembler``) decided about one block of a page: kept, or the
/// family of the rule that removed it. The learned ``BlockModel`` reads the verdict as a feature and
/// may overturn it.
enum BlockVerdict: UInt8, Sendable, CaseIterable {
    /// Kept in the story.
    case kept
    /// Outside the chosen story container.
    case outside
    /// Inside a chrome subtree (tag, ARIA role or class/id vocabulary).
    case chromeSubtree
    /// After a section marker that cut the rest ("Comments", "Related posts" …).
    case sectionCut
    /// A chrome heading itself.
    case chromeHeading
    /// A chrome phrase, caption, credit, tail promotion or a heading left at the end.
    case textRule
    /// Too much of its text is links.
    case linkDensity
    /// The headline, kept as the title.
    case headline
    /// A block of the host's learned ``SiteTemplate``; the model never brings it back.
    case siteTemplate
}
