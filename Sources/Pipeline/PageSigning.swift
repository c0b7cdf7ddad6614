import Dedup
import Foundation
import Storage

/// Signs an entry whose text was not known while its feed was parsed: one whose article page was
/// fetched is signed from the extracted story, else from its feed text, else from its title.
enum PageSigning {
    /// The signature of `item` once its page is known (`article` is nil when none was fetched).
    static func sign(_ item: EntryWork, article: StoredArticle?, options: PollOptions,
                     builder: inout SignatureBuilder) -> SignedText {
        if let signed = item.prepared.signed { return signed }
        if let article, article.status == .ok, let text = article.text, !text.isEmpty {
            return SignedText(signature: builder.signature(of: text), source: .article, hasFullText: true)
        }
        let p = item.prepared
        return PreparedText.sign(text: p.text, source: p.source, wordCount: p.wordCount, title: item.title,
                                 options: options, builder: &builder)
    }
}
