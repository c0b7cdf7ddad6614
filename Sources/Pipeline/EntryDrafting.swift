import FeedParsing
import Foundation
import Storage

/// Turns parsed feed items into the rows Storage keeps.
enum EntryDrafting {
    static func draft(_ entry: ParsedEntry) -> EntryDraft {
        let summaryHTML = entry.summaryHTML
        let contentHTML = entry.contentHTML
        var hasher = StableHash()
        for part in [entry.link, entry.title, entry.author, summaryHTML, contentHTML] {
            hasher.combine(part ?? "\u{0}")
        }
        hasher.combine(entry.published.map { String($0.timeIntervalSince1970) } ?? "")
        hasher.combine(entry.updated.map { String($0.timeIntervalSince1970) } ?? "")
        return EntryDraft(guid: entry.stableID, url: entry.link, title: entry.title, author: entry.author,
                          publishedAt: entry.published, updatedAt: entry.updated, summaryHTML: summaryHTML,
                          contentHTML: contentHTML, contentHash: hasher.hex)
    }
}

/// FNV-1a 64-bit: a stable (unseeded) hash for change detection, the same in every run.
struct StableHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ string: String) {
        for byte in string.utf8 { combine(byte) }
        combine(UInt8(0x1F))
    }

    mutating func combine(_ bytes: [UInt8]) {
        var v = value
        for byte in bytes { v = (v ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = v
    }

    mutating func combine(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
