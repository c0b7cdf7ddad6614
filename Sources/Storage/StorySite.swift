import Foundation

/// The "site" a copy of a story was published on: what "N sources" counts.
///
/// Computed once, when an entry is stored (from its link, else its feed's URL), so that every backend
/// can count a story's distinct sites in the database and order and filter by that count there.
package enum StorySite {
    /// The site of an entry with link `url` in the feed at `feedURL`.
    package static func of(entryURL url: String?, feedURL: String) -> String {
        host(of: url) ?? host(of: feedURL) ?? feedURL
    }

    /// The host of a URL without a leading `www.`; for file URLs, the parent folder name (the demo's "sites").
    package static func host(of url: String?) -> String? {
        guard let url, let components = URLComponents(string: url) else { return nil }
        if let host = components.host, !host.isEmpty {
            let lower = host.lowercased()
            return lower.hasPrefix("www.") ? String(lower.dropFirst(4)) : lower
        }
        if components.scheme == "file" {
            let parts = components.path.split(separator: "/")
            return parts.count >= 2 ? String(parts[parts.count - 2]) : nil
        }
        return nil
    }
}
