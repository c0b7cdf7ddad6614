import SyndicCore

/// Entity tags of the web view's listings: a 64-bit FNV-1a hash of what the body is made from
/// (the data's ``StoryStamp``, the options, the version), computed before anything is rendered,
/// so the tag changes when the body can and a matching request costs one aggregate query.
enum ETag {
    static func of(_ parts: [String]) -> String {
        var hasher = FNV1a64()
        for part in parts { hasher.combine(field: part) }
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
