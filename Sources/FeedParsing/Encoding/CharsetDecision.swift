import CLibXML2

/// Which encoding libxml2 should read a document in, feedparser-style: declared and HTTP charsets are
/// believed only when the bytes agree.
///
/// - A BOM wins (libxml2 reads it).
/// - An HTTP charset libxml2 knows wins over the XML declaration (RFC 3023), unless it claims UTF-8 /
///   Latin-1 and the bytes say otherwise (see below).
/// - No declaration, UTF-8, US-ASCII, an unknown name, or a Latin-1 family name (ISO-8859-1,
///   windows-1252): if the bytes are valid UTF-8 they are read as UTF-8 (a very common mislabel);
///   otherwise each byte that is not part of a valid UTF-8 sequence is read as windows-1252
///   (feedparser's fallback encoding), transcoded here so libxml2 sees UTF-8. Documents that mix a
///   Latin-1 template with UTF-8 content thus come out right in both parts.
/// - Any other declared encoding (windows-1251, KOI8-R, Shift_JIS…) is decoded by libxml2 (iconv).
struct CharsetDecision {
    /// Encoding to force on libxml2 (nil: follow the document).
    var override: String?
    /// Replacement bytes (already transcoded to UTF-8), nil to use the input as is.
    var transcoded: [UInt8]?
    /// Whether the declared charset had to be overridden (feedparser's CharacterEncodingOverride).
    var overridden: Bool
    /// Whether the bytes libxml2 will read are known to be valid UTF-8 (checked, or transcoded here).
    var isVerifiedUTF8: Bool

    static func decide(_ bytes: UnsafeBufferPointer<UInt8>, httpCharset: String?) -> CharsetDecision {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
            || (bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) || bytes[0] == 0 || bytes[1] == 0 {
            return CharsetDecision(override: nil, transcoded: nil, overridden: false, isVerifiedUTF8: false)
        }
        let http = httpCharset?.trimmedASCIIWhitespace.asciiLowercased
        let declared = XMLInputRepair.declaredEncoding(bytes)?.asciiLowercased
        let claimed = (http?.isEmpty == false ? http : nil) ?? declared
        guard let claimed, !isUTF8Family(claimed), !isLatin1Family(claimed),
              Self.libxml2Knows(claimed) else {
            let (valid, _) = UTF8Validation.check(bytes)
            if valid {
                return CharsetDecision(override: claimed == nil || declared == "utf-8" && http == nil ? nil : "UTF-8",
                                       transcoded: nil, overridden: claimed.map { isLatin1Family($0) } ?? false,
                                       isVerifiedUTF8: true)
            }
            return CharsetDecision(override: "UTF-8", transcoded: Windows1252.mixedToUTF8(bytes), overridden: true,
                                   isVerifiedUTF8: true)
        }
        return CharsetDecision(override: claimed == declared ? nil : claimed, transcoded: nil, overridden: false,
                               isVerifiedUTF8: false)
    }

    static func isUTF8Family(_ name: String) -> Bool {
        name == "utf-8" || name == "utf8" || name == "us-ascii" || name == "ascii" || name == "iso-646" || name == "iso646-us"
    }

    static func isLatin1Family(_ name: String) -> Bool {
        name == "iso-8859-1" || name == "iso8859-1" || name == "latin1" || name == "latin-1" || name == "l1"
            || name == "windows-1252" || name == "cp1252" || name == "iso-8859-15" || name == "x-cp1252"
    }

    /// Whether libxml2 can convert from `encoding`. The handler found is closed again: for
    /// iconv-backed encodings each lookup opens converters that would otherwise leak.
    static func libxml2Knows(_ encoding: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(encoding) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }
}
