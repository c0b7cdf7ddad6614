import Dedup
import FeedParsing
import Foundation
import Storage

/// A signature with what it was computed from.
struct SignedText: Sendable {
    var signature: DocumentSignature
    var source: StoredSignature.Source
    /// Whether the signed text is the full story (an article page, or feed text long enough).
    var hasFullText: Bool
}

/// The feed's own text for an entry and, when no article page will replace it, its signature.
///
/// Prepared on worker tasks while other feeds download, so signing overlaps the network; the text is
/// kept only when a page may still replace it (and the poll falls back on it if the page fails).
struct PreparedText: Sendable {
    var text: String?
    var source: StoredSignature.Source
    var wordCount: Int
    var needsPage: Bool
    var signed: SignedText?

    init(contentHTML: String?, summaryHTML: String?, title: String?, link: String?, feedURL: String,
         options: PollOptions, builder: inout SignatureBuilder) {
        // Prefer the longer of the two: some feeds put the full story in the description.
        // (HTML length decides which to convert, so only one is converted to text.)
        var text: String?
        var source = StoredSignature.Source.title
        if (contentHTML?.utf8.count ?? 0) >= (summaryHTML?.utf8.count ?? 0), let content = contentHTML.flatMap(HTMLText.toText) {
            text = content; source = .content
        } else if let summary = summaryHTML.flatMap(HTMLText.toText) {
            text = summary; source = .summary
        } else if let content = contentHTML.flatMap(HTMLText.toText) {
            text = content; source = .content
        }
        wordCount = Self.words(text)
        self.source = source
        switch options.fullText {
        case .never: needsPage = false
        case .always, .auto:
            let fetchable = link.map { LinkSafety.isFetchable($0, feedURL: feedURL) } ?? false
            needsPage = fetchable && (options.fullText == .always || wordCount < options.fullTextWords)
        }
        if needsPage {
            self.text = text
        } else {
            self.text = nil
            signed = Self.sign(text: text, source: source, wordCount: wordCount, title: title, options: options, builder: &builder)
        }
    }

    /// Signs the feed text (or the title when there is none).
    static func sign(text: String?, source: StoredSignature.Source, wordCount: Int, title: String?,
                     options: PollOptions, builder: inout SignatureBuilder) -> SignedText {
        if let text, !text.isEmpty {
            return SignedText(signature: builder.signature(of: text), source: source, hasFullText: wordCount >= options.fullTextWords)
        }
        return SignedText(signature: builder.signature(of: title ?? ""), source: .title, hasFullText: false)
    }

    static func words(_ text: String?) -> Int {
        guard let text else { return 0 }
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}

/// An entry this poll must (re)process: maybe fetch its page, then sign it and place it in a story.
struct EntryWork: Sendable {
    var entryID: Int64
    var feedID: Int64
    var feedURL: String
    var link: String?
    var title: String?
    var firstSeenAt: Date
    /// Published longer than the window before it was first seen (see ``Backlog``): stored and placed
    /// in a story, but not announced as new.
    var backlog: Bool
    var prepared: PreparedText

    /// An entry stored by an interrupted poll, prepared from its stored HTML.
    init(stored e: StoredEntry, feedURL: String, options: PollOptions, builder: inout SignatureBuilder) {
        self.init(entryID: e.id, feedID: e.feedID, feedURL: feedURL, link: e.url, title: e.title, firstSeenAt: e.firstSeenAt,
                  backlog: Backlog.contains(published: e.publishedAt, firstSeenAt: e.firstSeenAt, window: options.window),
                  prepared: PreparedText(contentHTML: e.contentHTML, summaryHTML: e.summaryHTML, title: e.title, link: e.url,
                                         feedURL: feedURL, options: options, builder: &builder))
    }

    init(entryID: Int64, feedID: Int64, feedURL: String, link: String?, title: String?, firstSeenAt: Date, backlog: Bool,
         prepared: PreparedText) {
        self.entryID = entryID; self.feedID = feedID; self.feedURL = feedURL; self.link = link
        self.title = title; self.firstSeenAt = firstSeenAt; self.backlog = backlog; self.prepared = prepared
    }
}
