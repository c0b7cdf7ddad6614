import CLibXML2
import Foundation

/// Turns the collected metadata signals into ``Article`` fields, each from the most reliable
/// source present (Open Graph and JSON-LD before visible page text).
struct MetadataResolver {
    let collected: MetadataCollector
    let pageURL: String?

    /// The parts of JSON-LD `Article`-like objects that matter here.
    struct LinkedData {
        var headline: String?
        var author: String?
        var datePublished: String?
        var dateModified: String?
        var publisher: String?
        var image: String?
        var language: String?
        var articleBody: String?
    }

    func resolve(into article: inout Article) -> LinkedData {
        let metas = collected.metas
        let linked = linkedData()
        article.siteName = nonEmpty(metas["og:site_name"]) ?? linked.publisher ?? nonEmpty(metas["application-name"])
        article.title = cleanTitle()
        article.byline = byline(linked)
        let publishedCandidates: [String?] = [
            metas["article:published_time"], linked.datePublished, metas["datepublished"], metas["og:published_time"],
            metas["pubdate"], metas["publishdate"], metas["date"], metas["dc.date"], metas["dc.date.issued"],
            metas["parsely-pub-date"], metas["sailthru.date"], collected.firstTimeDatetime,
        ]
        article.published = firstNonEmpty(publishedCandidates)
        let modifiedCandidates: [String?] = [
            metas["article:modified_time"], linked.dateModified, metas["og:updated_time"], metas["datemodified"],
        ]
        article.modified = firstNonEmpty(modifiedCandidates)
        article.canonicalURL = resolveURL(nonEmpty(collected.canonicalLink) ?? nonEmpty(metas["og:url"]))
        article.language = language(linked)
        article.leadImage = resolveURL(nonEmpty(metas["og:image"]) ?? nonEmpty(metas["twitter:image"]) ?? linked.image)
        return linked
    }

    private func cleanTitle() -> String? {
        let metas = collected.metas
        if let og = nonEmpty(metas["og:title"]) ?? nonEmpty(metas["twitter:title"]) {
            return stripSiteName(og)
        }
        if let h1 = nonEmpty(collected.firstH1) { return h1 }
        guard let title = nonEmpty(collected.titleText) else { return nil }
        return stripSiteName(title)
    }

    /// "Story headline | Site" → "Story headline": keeps the longest part around common separators.
    private func stripSiteName(_ title: String) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] where title.contains(separator) {
            let parts = title.components(separatedBy: separator)
            if let longest = parts.max(by: { $0.count < $1.count }), longest.split(separator: " ").count >= 3 {
                return longest.trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }

    private func byline(_ linked: LinkedData) -> String? {
        let metas = collected.metas
        let candidates = [metas["author"], metas["article:author"], linked.author, metas["parsely-author"],
                          metas["sailthru.author"], metas["dc.creator"], metas["byl"], metas["twitter:creator"]]
        for candidate in candidates {
            guard let value = nonEmpty(candidate), !value.hasPrefix("http") else { continue }
            return value
        }
        return nil
    }

    private func language(_ linked: LinkedData) -> String? {
        if let lang = nonEmpty(collected.htmlLanguage) { return lang }
        if let locale = nonEmpty(collected.metas["og:locale"]) { return locale.replacingOccurrences(of: "_", with: "-") }
        if let content = nonEmpty(collected.metas["content-language"]) ?? nonEmpty(collected.metas["language"]) {
            return content.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return linked.language
    }

    func resolveURL(_ href: String?) -> String? {
        guard let href else { return nil }
        guard let base = pageURL, !base.isEmpty else { return href }
        guard let built = xmlBuildURI(href, base) else { return href }
        defer { free(built) }
        return String(cString: built)
    }

    private func firstNonEmpty(_ values: [String?]) -> String? {
        for value in values { if let found = nonEmpty(value) { return found } }
        return nil
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return nil }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return value }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: - JSON-LD

    private func linkedData() -> LinkedData {
        var result = LinkedData()
        for script in collected.jsonLD {
            guard let data = script.data(using: .utf8),
                  let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            var pending: [Any] = [json]
            var visited = 0
            while let item = pending.popLast(), visited < 500 {
                visited += 1
                if let array = item as? [Any] { pending.append(contentsOf: array); continue }
                guard let object = item as? [String: Any] else { continue }
                if let graph = object["@graph"] { pending.append(graph) }
                guard isArticleType(object["@type"]) else { continue }
                result.headline = result.headline ?? object["headline"] as? String
                result.datePublished = result.datePublished ?? object["datePublished"] as? String
                result.dateModified = result.dateModified ?? object["dateModified"] as? String
                result.author = result.author ?? name(of: object["author"])
                result.publisher = result.publisher ?? name(of: object["publisher"])
                result.image = result.image ?? url(of: object["image"])
                result.language = result.language ?? object["inLanguage"] as? String
                if let body = object["articleBody"] as? String, body.utf8.count > (result.articleBody?.utf8.count ?? 0) {
                    result.articleBody = body
                }
            }
        }
        return result
    }

    private func isArticleType(_ type: Any?) -> Bool {
        let types: [String] = (type as? [String]) ?? [(type as? String) ?? ""]
        return types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" || $0 == "WebPage" }
    }

    private func name(of value: Any?) -> String? {
        if let string = value as? String { return string.isEmpty ? nil : string }
        if let object = value as? [String: Any] { return object["name"] as? String }
        if let array = value as? [Any] {
            let names = array.compactMap { name(of: $0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }

    private func url(of value: Any?) -> String? {
        if let string = value as? String { return string }
        if let object = value as? [String: Any] { return object["url"] as? String }
        if let array = value as? [Any] { return array.lazy.compactMap { url(of: $0) }.first }
        return nil
    }
}
