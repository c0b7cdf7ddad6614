import Foundation
import GRDB
import Storage

/// Per-host memory of repeated text blocks (see ``SiteTemplateStore``), bounded by ``SiteTemplateLimits``.
extension SQLiteStore {
    public func templateBlocks(host: String) async throws -> Set<UInt64> {
        try await read { db in
            let values = try Int64.fetchAll(db, sql: "SELECT block_hash FROM site_block WHERE host = ? AND page_count >= ?",
                                            arguments: [host, SiteTemplateLimits.templateThreshold])
            return Set(values.map { UInt64(bitPattern: $0) })
        }
    }

    @discardableResult
    public func recordPageBlocks(host: String, pageHash: UInt64, blocks: [(hash: UInt64, sample: String)], now: Date) async throws -> Bool {
        try await write { db in try Self.recordPageBlocks(db, host: host, pageHash: pageHash, blocks: blocks, now: now) }
    }

    static func recordPageBlocks(_ db: Database, host: String, pageHash: UInt64, blocks: [(hash: UInt64, sample: String)], now: Date) throws -> Bool {
        let t = now.timeIntervalSince1970
        try db.execute(sql: "INSERT OR IGNORE INTO site_page (host, page_hash, seen_at) VALUES (?, ?, ?)",
                       arguments: [host, Int64(bitPattern: pageHash), t])
        guard db.changesCount > 0 else { return false }
        var unique = Set<UInt64>()
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO site_block (host, block_hash, page_count, sample, last_seen_at) VALUES (?, ?, 1, ?, ?)
            ON CONFLICT (host, block_hash) DO UPDATE SET page_count = page_count + 1, last_seen_at = excluded.last_seen_at
            """)
        for block in blocks where unique.insert(block.hash).inserted {
            try upsert.execute(arguments: [host, Int64(bitPattern: block.hash), String(block.sample.prefix(SiteTemplateLimits.sampleLength)), t])
        }
        try trim(db, host: host)
        return true
    }

    private static func trim(_ db: Database, host: String) throws {
        let blocks = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM site_block WHERE host = ?", arguments: [host]) ?? 0
        if blocks > SiteTemplateLimits.maxBlocksPerHost {
            try db.execute(sql: """
                DELETE FROM site_block WHERE rowid IN (SELECT rowid FROM site_block WHERE host = ?
                  ORDER BY page_count ASC, last_seen_at ASC LIMIT ?)
                """, arguments: [host, blocks - SiteTemplateLimits.maxBlocksPerHost])
        }
        let pages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM site_page WHERE host = ?", arguments: [host]) ?? 0
        if pages > SiteTemplateLimits.maxPagesPerHost {
            try db.execute(sql: """
                DELETE FROM site_page WHERE rowid IN (SELECT rowid FROM site_page WHERE host = ? ORDER BY seen_at ASC LIMIT ?)
                """, arguments: [host, pages - SiteTemplateLimits.maxPagesPerHost])
        }
    }

    public func templateReport(host: String) async throws -> [(hash: UInt64, pages: Int, sample: String)] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT block_hash, page_count, sample FROM site_block WHERE host = ? ORDER BY page_count DESC, block_hash LIMIT 100",
                             arguments: [host]).map { (UInt64(bitPattern: $0["block_hash"]), $0["page_count"], ($0["sample"] as String?) ?? "") }
        }
    }
}
