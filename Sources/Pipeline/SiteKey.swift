import Foundation

/// The key under which a site's page template is learned: the URL's host (lower-cased, without `www.`),
/// or for local files the folder they live in.
enum SiteKey {
    static func of(_ url: String) -> String? {
        guard let parts = URLComponents(string: url) else { return nil }
        if let host = parts.host?.lowercased(), !host.isEmpty {
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        if parts.scheme?.lowercased() == "file" {
            return "file:" + (parts.path as NSString).deletingLastPathComponent
        }
        return nil
    }
}
