import Foundation

/// Google Reader item ids: the long form `tag:google.com,2005:reader/item/<16 hex digits>` and the
/// short decimal form (`stream/items/ids` answers it), both naming Syndic's entry id.
enum GReaderItemID {
    static let longPrefix = "tag:google.com,2005:reader/item/"

    static func long(_ entryID: Int64) -> String {
        let hex = String(UInt64(bitPattern: entryID), radix: 16)
        return longPrefix + String(repeating: "0", count: max(0, 16 - hex.count)) + hex
    }

    /// The entry id of either form; a 400 naming the id otherwise.
    static func parse(_ text: String) throws -> Int64 {
        let shown = "\u{201C}\(text.prefix(80))\u{201D}"
        if text.hasPrefix(longPrefix) {
            let hex = text.dropFirst(longPrefix.count)
            guard (1...16).contains(hex.count), let bits = UInt64(hex, radix: 16), bits > 0, bits <= UInt64(Int64.max) else {
                throw ReaderAPIError.badRequest("Item id \(shown) is not tag:google.com,2005:reader/item/ and 16 hex digits.")
            }
            return Int64(bits)
        }
        guard let value = Int64(text), value > 0 else {
            throw ReaderAPIError.badRequest("Item id \(shown) is neither a long item id (tag:google.com,2005:reader/item/…) nor a positive decimal id.")
        }
        return value
    }
}

/// A Google Reader stream id as clients send it.
enum GReaderStream: Equatable {
    case readingList
    case starred
    case read
    /// `user/-/label/NAME`.
    case label(String)
    /// `feed/ID` (what Syndic hands out) or `feed/URL`.
    case feed(String)

    static let statePrefix = "user/-/state/com.google/"
    static let readingListID = statePrefix + "reading-list"
    static let starredID = statePrefix + "starred"
    static let readID = statePrefix + "read"

    static func labelID(_ name: String) -> String { "user/-/label/" + name }
    static func feedID(_ id: Int64) -> String { "feed/\(id)" }

    /// Parses `user/-/…` (or `user/<digits>/…`) and `feed/…`; a 400 with the accepted forms otherwise.
    static func parse(_ text: String) throws -> GReaderStream {
        if text.hasPrefix("feed/"), text.count > 5 { return .feed(String(text.dropFirst(5))) }
        let parts = text.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, parts[0] == "user", parts[1] == "-" || (!parts[1].isEmpty && parts[1].allSatisfy(\.isNumber)) {
            let rest = parts[2]
            if rest.hasPrefix("label/"), rest.count > 6 { return .label(String(rest.dropFirst(6))) }
            switch rest {
            case "state/com.google/reading-list": return .readingList
            case "state/com.google/starred": return .starred
            case "state/com.google/read": return .read
            default: break
            }
        }
        throw ReaderAPIError.badRequest("Unknown stream \u{201C}\(text.prefix(120))\u{201D}: use feed/ID, user/-/label/NAME or "
            + "user/-/state/com.google/reading-list, …/starred or …/read.")
    }
}

/// The opaque `continuation` of a stream page: the last item's time (its exact bits) and key.
enum GReaderContinuation {
    static func encode(_ cursor: (time: Double, key: Int64)) -> String {
        String(cursor.time.bitPattern, radix: 16) + "x" + String(cursor.key)
    }

    static func decode(_ text: String) throws -> (time: Double, key: Int64) {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 16, let bits = UInt64(parts[0], radix: 16), let key = Int64(parts[1]),
              Double(bitPattern: bits).isFinite
        else {
            throw ReaderAPIError.badRequest("c=\u{201C}\(text.prefix(60))\u{201D} is not a continuation this server handed out: "
                + "send back the `continuation` of the previous page unchanged.")
        }
        return (Double(bitPattern: bits), key)
    }
}
