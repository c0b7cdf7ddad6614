import Dedup
import Extraction
import FeedParsing
import Fetch
import Foundation
import Storage
import SyndicCore

/// One page's outcome and the entry's signature, computed off the consumer's thread.
struct Extracted: Sendable {
    /// Nil for an entry whose page was not fetched (its host was skipped): it is signed from its feed text.
    var page: ExtractedPage?
    /// The entry's signature, from the page's text when extraction found some.
    var signed: SignedText

    var article: StoredArticle? { page?.article }

    /// Fetch outcome → article row, template blocks and signature (run on a worker task).
    static func make(entry: EntryWork, result: Result<FetchResponse, FetchError>, site: String?, template: SiteTemplate?,
                     options: PollOptions) -> Extracted {
        let page = ExtractedPage.make(entry: entry, result: result, site: site, template: template)
        var builder = SignatureBuilder(configuration: options.dedup)
        return Extracted(page: page, signed: PageSigning.sign(entry, article: page.article, options: options, builder: &builder))
    }
}

/// One page's article row and the blocks it teaches its site's template.
struct ExtractedPage: Sendable {
    var article: StoredArticle
    var site: String?
    var pageHash: UInt64?
    var blockHashes: [UInt64]

    static func make(entry: EntryWork, result: Result<FetchResponse, FetchError>, site: String?, template: SiteTemplate?) -> ExtractedPage {
        let now = Date()
        switch result {
        case .failure(let error):
            return ExtractedPage(article: StoredArticle(entryID: entry.entryID, finalURL: entry.link, status: .failed,
                                                    error: error.description, fetchedAt: now),
                             site: nil, pageHash: nil, blockHashes: [])
        case .success(let response):
            guard response.isSuccess else {
                return ExtractedPage(article: StoredArticle(entryID: entry.entryID, finalURL: response.finalURL, status: .failed,
                                                        error: "HTTP \(response.status) from \(response.finalURL)", fetchedAt: now),
                                 site: nil, pageHash: nil, blockHashes: [])
            }
            do {
                let result = try ArticleExtractor.extract(html: response.body, url: response.finalURL,
                                                          httpCharset: response.charset, template: template)
                let a = result.article
                // Stored within FieldLimits, like the feed's own fields.
                let text = FieldLimits.cut(a.text, maxBytes: FieldLimits.content) ?? a.text
                var pageHasher = FNV1a64()
                pageHasher.combine(field: response.finalURL)
                return ExtractedPage(
                    article: StoredArticle(entryID: entry.entryID, finalURL: response.finalURL, canonicalURL: a.canonicalURL.flatMap { LinkRule.allows($0, origin: .content(of: response.finalURL)) ? $0 : nil },
                                           title: a.title.map { FieldLimits.cut($0, maxBytes: FieldLimits.title) ?? $0 },
                                           byline: a.byline.map { FieldLimits.cut($0, maxBytes: FieldLimits.author) ?? $0 },
                                           publishedAt: a.published.flatMap(FeedDate.parse), language: a.language,
                                           text: text.isEmpty ? nil : text,
                                           status: text.isEmpty ? .failed : .ok,
                                           error: text.isEmpty ? "no story text found on the page" : nil, fetchedAt: now),
                    site: site, pageHash: pageHasher.value, blockHashes: result.blockHashes)
            } catch {
                return ExtractedPage(article: StoredArticle(entryID: entry.entryID, finalURL: response.finalURL, status: .failed,
                                                        error: error.description, fetchedAt: now),
                                 site: nil, pageHash: nil, blockHashes: [])
            }
        }
    }
}
