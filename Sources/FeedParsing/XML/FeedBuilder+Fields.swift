import Foundation
import SyndicCore

/// Turning a finished text capture into the entry or feed field it belongs to.
extension FeedBuilder {
    func finish(_ c: TextCapture) {
        var raw = String(decoding: captureBytes, as: UTF8.self)
        if c.isBase64, let data = Data(base64Encoded: raw, options: .ignoreUnknownCharacters) {
            raw = String(decoding: data, as: UTF8.self)
        }
        if c.forEntry, entry != nil {
            finishEntryField(c, raw)
        } else if !c.forEntry, entry == nil {
            finishFeedField(c, raw)
        }
    }

    func plainText(_ raw: String, mode: TextMode) -> String? {
        switch mode {
        case .plain:
            return format == .atom ? HTMLText.collapse(raw)
                : (HTMLSniff.looksLikeHTML(raw) ? HTMLText.toText(raw) : HTMLText.collapse(raw))
        case .html, .xhtml:
            return HTMLText.toText(raw)
        }
    }

    func finishEntryField(_ c: TextCapture, _ raw: String) {
        switch c.target {
        case .title:
            if entry!.title == nil { entry!.title = plainText(raw, mode: c.mode) }
        case .link:
            if let link = HTMLText.collapse(raw) { entry!.link = resolve(link) ?? link }
        case .id:
            entry!.id = HTMLText.collapse(raw)
        case .summary:
            entry!.summary = raw
            entry!.summaryIsHTML = c.mode != .plain
        case .content:
            if let existing = entry!.content {
                // feedparser keeps every content element; joined here as one body of one type.
                let isHTML = c.mode != .plain
                switch (entry!.contentIsHTML, isHTML) {
                case (true, false): entry!.content = existing + "\n" + HTMLText.escape(raw)
                case (false, true): entry!.content = HTMLText.escape(existing) + "\n" + raw
                default: entry!.content = existing + "\n" + raw
                }
                entry!.contentIsHTML = entry!.contentIsHTML || isHTML
            } else {
                entry!.content = raw
                entry!.contentIsHTML = c.mode != .plain
            }
        case .author:
            if entry!.author == nil { entry!.author = AuthorDraft.displayName(fromRSS: raw) }
        case .authorName:
            authorDraft.name = HTMLText.collapse(raw)
        case .authorEmail:
            authorDraft.email = HTMLText.collapse(raw)
        case .published:
            if entry!.published == nil { entry!.published = FeedDate.unixSeconds(raw) }
        case .updated:
            if entry!.updated == nil { entry!.updated = FeedDate.unixSeconds(raw) }
        case .category:
            if let label = HTMLText.collapse(raw) { entry!.categories.append(label) }
        case .description, .language, .ttl, .syPeriod, .syFrequency:
            break
        }
    }

    func finishFeedField(_ c: TextCapture, _ raw: String) {
        switch c.target {
        case .title:
            // Only a feed has a feed title (not an HTML page's <title>).
            if feed.title == nil, format != nil { feed.title = plainText(raw, mode: c.mode) }
        case .link:
            if feed.link == nil, let link = HTMLText.collapse(raw) { feed.link = resolve(link) ?? link }
        case .description:
            if feed.description == nil { feed.description = plainText(raw, mode: c.mode) }
        case .language:
            feed.language = HTMLText.collapse(raw)
        case .id:
            feed.id = HTMLText.collapse(raw)
        case .updated:
            if feed.updated == nil { feed.updated = FeedDate.unixSeconds(raw) }
        case .ttl:
            feed.ttl = raw
        case .syPeriod:
            feed.syPeriod = raw
        case .syFrequency:
            feed.syFrequency = raw
        default:
            break
        }
    }
}
