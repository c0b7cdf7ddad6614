import Foundation
import SyndicCore

/// The largest feed text Syndic stores, in UTF-8 bytes, so one hostile or broken feed cannot make
/// every page, digest and query that shows it huge.
///
/// A feed body may be up to 16 MiB (the fetcher's limit); without caps a 10 MB title reached `/` and
/// every digest format whole. The caps are far above what real feeds send (titles are a line,
/// summaries a paragraph, full articles a few tens of KB) and are cut on a character boundary; an HTML
/// field is never left ending inside a tag. Which fields of an entry were cut is stored with it
/// (``StoredEntry/cutFields``) and shown by `syndic explain`.
public enum FieldLimits {
    /// Entry titles, feed titles, article titles: 1 KiB.
    public static let title = 1_024
    /// Author and byline names: 256 bytes.
    public static let author = 256
    /// Feed summaries (RSS `description`, Atom `summary`): 64 KiB.
    public static let summary = 64 * 1_024
    /// Feed content (`content:encoded`, Atom `content`) and extracted article text: 512 KiB.
    public static let content = 512 * 1_024
    /// Entry links and a feed's site link: 8 KiB (RFC 9110 asks for at least 8,000 octets of
    /// request line; real article links are a few hundred bytes). A longer URL is dropped, never cut:
    /// a cut URL points somewhere else.
    public static let url = 8 * 1_024
    /// An entry's stable id (`guid`, Atom `id`): 2 KiB. A longer one is replaced by a hash of it
    /// (``stableID(_:)``), so it still identifies the entry on the next poll and no index holds megabytes.
    public static let id = 2 * 1_024

    /// `url` when it fits in ``url`` bytes, else nil (and `.url` added to `cuts`).
    public static func link(_ url: String?, cuts: inout [EntryField]) -> String? {
        guard let url, url.utf8.count > Self.url else { return url }
        cuts.append(.url)
        return nil
    }

    /// `id` when it fits in ``id`` bytes, else `long-id:` and a 64-bit FNV-1a hash of all of it (and
    /// `.id` added to `cuts`): the same long id gives the same stable id on every poll.
    public static func stableID(_ id: String, cuts: inout [EntryField]) -> String {
        guard id.utf8.count > Self.id else { return id }
        cuts.append(.id)
        var hasher = FNV1a64()
        hasher.combine(utf8: id)
        return "long-id:" + hasher.hex
    }

    /// `text` cut to at most `maxBytes` UTF-8 bytes on a character boundary, or nil when it fits.
    /// With `isHTML`, a cut that would end inside a tag ends before the tag instead.
    public static func cut(_ text: String, maxBytes: Int, isHTML: Bool = false) -> String? {
        guard text.utf8.count > maxBytes else { return nil }
        var end = text.startIndex
        var used = 0
        while end < text.endIndex {
            let next = text.index(after: end)
            let size = text.utf8.distance(from: end, to: next)
            if used + size > maxBytes { break }
            used += size
            end = next
        }
        var kept = text[..<end]
        if isHTML, let open = kept.lastIndex(of: "<"), !kept[open...].contains(">") { kept = kept[..<open] }
        return String(kept)
    }

    /// `text` within `maxBytes` (see ``cut(_:maxBytes:isHTML:)``); whether it was cut is added to `cuts`.
    public static func capped(_ text: String?, maxBytes: Int, isHTML: Bool = false, field: EntryField,
                              cuts: inout [EntryField]) -> String? {
        guard let text, let kept = cut(text, maxBytes: maxBytes, isHTML: isHTML) else { return text }
        cuts.append(field)
        return kept
    }
}

/// A text field of an entry that ``FieldLimits`` may cut.
public enum EntryField: String, Sendable, CaseIterable, Codable {
    case title, author, summary, content, url, id

    /// The cap of this field, in UTF-8 bytes.
    public var maxBytes: Int {
        switch self {
        case .title: return FieldLimits.title
        case .author: return FieldLimits.author
        case .summary: return FieldLimits.summary
        case .content: return FieldLimits.content
        case .url: return FieldLimits.url
        case .id: return FieldLimits.id
        }
    }

    /// What happened to the field, for `syndic explain`: "title cut to 1024 bytes",
    /// "url dropped (over 8192 bytes)", "id replaced by its hash (over 2048 bytes)".
    public var cutDescription: String {
        switch self {
        case .title, .author, .summary, .content: return "\(rawValue) cut to \(maxBytes) bytes"
        case .url: return "url dropped (over \(maxBytes) bytes)"
        case .id: return "id replaced by its hash (over \(maxBytes) bytes)"
        }
    }

    /// `title,content`: how a list of cut fields is stored (nil when none were cut).
    public static func stored(_ fields: [EntryField]) -> String? {
        fields.isEmpty ? nil : fields.map(\.rawValue).joined(separator: ",")
    }

    /// The fields of a stored list; unknown names (from a newer Syndic) are skipped.
    public static func parse(_ stored: String?) -> [EntryField] {
        (stored ?? "").split(separator: ",").compactMap { EntryField(rawValue: String($0)) }
    }
}
