import SyndicCore

/// Strong entity tags for the digest feeds: a 64-bit FNV-1a hash of the exact body bytes, so the
/// tag changes exactly when the body does.
enum ETag {
    static func of(_ body: String) -> String {
        var hasher = FNV1a64()
        hasher.combine(utf8: body)
        return "\"" + hasher.hex + "\""
    }

    /// Whether an `If-None-Match` header value matches `tag` (`*`, a list, weak or strong forms).
    static func matches(_ header: String?, _ tag: String) -> Bool {
        guard let header else { return false }
        for candidate in header.split(separator: ",") {
            var value = candidate.trimmingCharacters(in: .whitespaces)
            if value == "*" { return true }
            if value.hasPrefix("W/") { value = String(value.dropFirst(2)) }
            if value == tag { return true }
        }
        return false
    }
}

import Foundation
