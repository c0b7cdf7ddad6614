/// The flat model of a page the walker builds: elements in document (pre-)order, each pointing at its
/// parent by index, and text blocks pointing at the element that owns them. Indices instead of
/// objects keep the walk allocation-light and make "for every ancestor" loops cheap.
struct PageModel {
    struct Element {
        var parent: Int32
        var tag: HTMLTag
        /// Class/id weight from ``BoilerplateVocabulary``, plus structural evidence.
        var weight: Int16
        /// Index into `reasons` of why this subtree is chrome (own or inherited), or -1.
        var chromeReason: Int32
        /// Index into `classNames` (0 = no class), for readability's "same class as the winner" bonus.
        var classKey: Int32
        /// Index into `reasons` of why this element itself (not an ancestor) is chrome, or -1.
        var ownReason: Int32 = -1
        var elementChildren: Int32 = 0
        /// Structural evidence of being the story container: 3 `itemprop=articleBody`,
        /// 2 a content class name ("entry-content", "article-body" …), 1 an `<article>`, else 0.
        var evidenceRank: Int8 = 0
    }

    struct Block {
        var text: String
        var owner: Int32
        var kind: TextBlock.Kind
        /// UTF-8 bytes of text.
        var chars: Int32
        /// UTF-8 bytes of text inside links.
        var linkChars: Int32
        var commas: Int16
        /// Index into `reasons` when the block sits in a chrome subtree, else -1.
        var chromeReason: Int32
        var ownerTag: HTMLTag
    }

    var elements: [Element] = []
    var blocks: [Block] = []
    var reasons: [String] = []
    var classNames: [String] = [""]
    var body: Int32 = 0
}
