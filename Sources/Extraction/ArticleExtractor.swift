import CLibXML2
import Foundation

/// Extracts the story from a news page's HTML: the one entry point of this module.
///
/// ```swift
/// let result = try ArticleExtractor.extract(html: bytes, url: "https://example.org/story", httpCharset: nil)
/// print(result.article.title ?? "", result.article.text)
/// ```
///
/// Steps: pick the character encoding, parse with libxml2 in SAX mode straight into a flat model of
/// elements and text blocks (chrome subtrees marked by tag and class/id vocabulary), choose the story
/// container by candidate scoring, then keep that container's blocks except chrome recognised by
/// its words, its link density or the host's learned ``SiteTemplate``.
public enum ArticleExtractor {
    /// Extracts the article from raw page bytes.
    /// - Parameters:
    ///   - html: the page as received (any encoding; any bytes are accepted).
    ///   - url: the page's address, used to resolve relative canonical and image URLs.
    ///   - httpCharset: the `charset` parameter of the HTTP `Content-Type`, which outranks the page's own claim.
    ///   - template: blocks known to repeat on this host's pages; they are dropped as "site template".
    ///   - reducingMarkup: cut scripts, styles, comments and unread attributes before parsing (see
    ///     ``MarkupReducer``). Always on in Syndic; off only to check that the cut changes nothing.
    public static func extract(
        html: [UInt8], url: String? = nil, httpCharset: String? = nil, template: SiteTemplate? = nil,
        reducingMarkup: Bool = true
    ) throws(ExtractionError) -> ExtractionResult {
        // A stray NUL byte (a broken CMS, a bad proxy) must not cost the article: drop NULs before
        // parsing. A page that is mostly NULs is still refused as binary below; UTF-16 (with its BOM)
        // is full of NULs by design and is left alone.
        let utf16 = html.count >= 2 && ((html[0] == 0xFF && html[1] == 0xFE) || (html[0] == 0xFE && html[1] == 0xFF))
        let strayNULs = !utf16 && html.contains(0) && !html.withUnsafeBufferPointer(looksBinary)
        let input = strayNULs ? html.filter { $0 != 0 } : html
        var dumped = false
        let outcome: Result<ExtractionResult, ExtractionError> = input.withUnsafeBufferPointer { bytes in
            extract(bytes: bytes, url: url, httpCharset: httpCharset, template: template, reducingMarkup: reducingMarkup,
                    dumped: &dumped)
        }
        if !dumped { BlockModelSwitch.dump?.write(url: url, applied: false, text: "", blocks: []) }
        return try outcome.get()
    }

    /// Extracts the article from raw page bytes held in `Data`.
    public static func extract(
        html: Data, url: String? = nil, httpCharset: String? = nil, template: SiteTemplate? = nil
    ) throws(ExtractionError) -> ExtractionResult {
        try extract(html: [UInt8](html), url: url, httpCharset: httpCharset, template: template)
    }

    private static func extract(
        bytes: UnsafeBufferPointer<UInt8>, url: String?, httpCharset: String?, template: SiteTemplate?, reducingMarkup: Bool,
        dumped: inout Bool
    ) -> Result<ExtractionResult, ExtractionError> {
        guard !bytes.isEmpty else { return .failure(.emptyInput) }
        guard !looksBinary(bytes) else { return .failure(.unparsable) }
        let plan = CharsetDetector.plan(for: bytes, httpCharset: httpCharset)
        var repaired: [UInt8] = []
        if plan.repair {
            repaired.reserveCapacity(bytes.count + 64)
            _ = CharsetDetector.utf8Census(bytes, repairInto: &repaired)
        }
        // Script and style contents, comments and unread attributes are cut before libxml2 reads the page.
        let stripped: [UInt8]? = reducingMarkup && MarkupReducer.isASCIICompatible(plan.encoding)
            ? (plan.repair ? repaired.withUnsafeBufferPointer(MarkupReducer.strip) : MarkupReducer.strip(bytes))
            : nil
        // What libxml2 reads: the reduced page, else the repaired one, else the bytes as given.
        let prepared = stripped ?? (plan.repair ? repaired : nil)
        func parse(useVocabulary: Bool) -> PageWalker? {
            guard let prepared else { return HTMLSAXParser.parse(bytes, encoding: plan.encoding, useVocabulary: useVocabulary) }
            return prepared.withUnsafeBufferPointer {
                HTMLSAXParser.parse($0, encoding: plan.encoding, useVocabulary: useVocabulary)
            }
        }
        guard let walker = parse(useVocabulary: true), !walker.model.elements.isEmpty else {
            return .failure(.unparsable)
        }
        var article = Article()
        let linked = MetadataResolver(collected: walker.metadata, pageURL: url).resolve(into: &article)
        var assembled = StoryAssembler(model: walker.model, title: article.title, template: template).assemble()
        // A host's template is its repeated chrome. When it would take most of this page's story, the page
        // is a copy of one seen before (the same story under another URL): the story is not chrome.
        if template != nil {
            let templateChars = assembled.removed.reduce(0) { $1.reason == "site template" ? $0 + $1.text.utf8.count : $0 }
            if templateChars > assembled.keptChars {
                assembled = StoryAssembler(model: walker.model, title: article.title, template: nil).assemble()
            }
        }

        // Fallback: when the class/id vocabulary took nearly everything (a site that names its story
        // container "post-share-wrapper"), choose again without it and keep the longer story.
        var page = walker.model
        let model = walker.model
        let discussionReasons = model.reasons.map(ChromeOverride.isDiscussion)
        let proseChars = model.blocks.reduce(0) { total, block in
            guard block.chars >= 100, block.linkChars * 4 < block.chars else { return total }
            let isDiscussion = block.chromeReason >= 0 && discussionReasons[Int(block.chromeReason)]
            return isDiscussion ? total : total + Int(block.chars)
        }
        if assembled.keptChars * 4 < proseChars {
            if let plain = parse(useVocabulary: false) {
                    let retry = StoryAssembler(model: plain.model, title: article.title, template: template).assemble()
                if retry.keptChars > assembled.keptChars * 2 {
                    assembled = retry
                    page = plain.model
                }
            }
        }
        if assembled.keptChars < 250, let body = linked.articleBody, body.utf8.count > assembled.keptChars * 2 {
            assembled.blocks = paragraphs(of: body)
            if let dump = BlockModelSwitch.dump {
                dump.write(url: url, applied: false, text: assembled.blocks.map(\.text).joined(separator: "\n\n"), blocks: [])
                dumped = true
            }
        } else if BlockModelSwitch.active != nil || BlockModelSwitch.dump != nil {
            // The learned block model has the last word on every block of the page (BlockClassifier).
            let vectors = BlockFeatures.vectors(model: page, verdicts: assembled.verdicts)
            if let dump = BlockModelSwitch.dump {
                dump.write(url: url, applied: true, text: assembled.blocks.map(\.text).joined(separator: "\n\n"),
                           blocks: page.blocks.indices.map { (page.blocks[$0].text, vectors[$0]) })
                dumped = true
            }
            if let classifier = BlockModelSwitch.active {
                assembled = BlockClassifier.apply(classifier, page: page, vectors: vectors, to: assembled)
            }
        }
        guard !assembled.blocks.isEmpty else { return .failure(.noContent) }
        article.blocks = assembled.blocks
        return .success(ExtractionResult(
            article: article, removed: assembled.removed, pageBlockTexts: walker.model.blocks.map(\.text)))
    }

    /// Binary data (images, archives, PDFs) holds NUL and control bytes that text never does.
    private static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return false
        }
        let sample = min(bytes.count, 4096)
        var control = 0
        for index in 0..<sample {
            let byte = bytes[index]
            if byte < 0x09 || (byte > 0x0D && byte < 0x20) { control += 1 }  // NUL counts as control too
        }
        return control * 20 > sample
    }

    private static func paragraphs(of text: String) -> [TextBlock] {
        text.components(separatedBy: "\n").map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            .filter { !$0.isEmpty }.map { TextBlock(kind: .paragraph, text: $0) }
    }

}
