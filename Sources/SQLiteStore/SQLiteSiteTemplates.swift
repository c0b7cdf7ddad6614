import Foundation
import GRDB
import Storage
import StoreSQL

/// Per-host memory of repeated text blocks (see ``SiteTemplateStore``), bounded by ``SiteTemplateLimits``.
extension SQLiteStore {
    public func templateBlocks(host: String) async throws -> Set<UInt64> {
        try await read { db in Set(try db.ids(TemplateSQL.blocks(host: host)).map { UInt64(bitPattern: $0) }) }
    }

    @discardableResult
    public func recordPageBlocks(host: String, pageHash: UInt64, blocks: [(hash: UInt64, sample: String)], now: Date) async throws -> Bool {
        try await write { db in
            guard try db.first(TemplateSQL.insertPage(host: host, pageHash: pageHash, now: now)) != nil else { return false }
            var unique = Set<UInt64>()
            for block in blocks where unique.insert(block.hash).inserted {
                try db.run(TemplateSQL.countBlock(host: host, hash: block.hash, sample: block.sample, now: now))
            }
            let blockCount = try db.first(TemplateSQL.countBlocks(host: host))?.count("n") ?? 0
            if blockCount > SiteTemplateLimits.maxBlocksPerHost {
                try db.run(TemplateSQL.trimBlocks(host: host, excess: blockCount - SiteTemplateLimits.maxBlocksPerHost))
            }
            let pageCount = try db.first(TemplateSQL.countPages(host: host))?.count("n") ?? 0
            if pageCount > SiteTemplateLimits.maxPagesPerHost {
                try db.run(TemplateSQL.trimPages(host: host, excess: pageCount - SiteTemplateLimits.maxPagesPerHost))
            }
            return true
        }
    }

    public func templateReport(host: String) async throws -> [(hash: UInt64, pages: Int, sample: String)] {
        try await read { db in try db.rows(TemplateSQL.report(host: host)).map(RowDecoding.templateBlock) }
    }
}
