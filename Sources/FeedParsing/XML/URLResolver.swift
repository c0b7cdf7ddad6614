import CLibXML2
import Foundation

/// Relative references resolved against a base URL (RFC 3986), with libxml2's `xmlBuildURI`.
enum URLResolver {
    /// `reference` resolved against `base`; returns `reference` unchanged when it is already absolute
    /// or when resolution fails.
    static func resolve(_ reference: String, against base: String) -> String {
        if reference.isEmpty { return base }
        if hasScheme(reference) { return reference }
        guard let built = xmlBuildURI(reference, base) else { return reference }
        defer { free(built) } // xmlFree is plain free() unless xmlMemSetup was called
        return String(cString: built)
    }

    /// Whether the text starts with `scheme:` (letters, digits, `+ - .`, first a letter).
    static func hasScheme(_ text: String) -> Bool {
        var first = true
        for b in text.utf8 {
            if b == 0x3A { return !first }
            let letter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
            if first { guard letter else { return false }; first = false; continue }
            guard letter || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E else { return false }
        }
        return false
    }
}
