import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Per-host memory of repeated text blocks (see ``SiteTemplateStore``), bounded by ``SiteTemplateLimits``.
extension PostgresStore {
    public func templateBlocks(host: String) async throws -> Set<UInt64> {
        try await read { [logger] db in Set(try await db.ids(TemplateSQL.blocks(host: host), logger: logger).map { UInt64(bitPattern: $0) }) }
    }

    @discardableResult
    public func recordPageBlocks(host: String, pageHash: UInt64, blocks: [(hash: UInt64, sample: String)], now: Date) async throws -> Bool {
        try await write { [logger] db in
            guard try await db.first(TemplateSQL.insertPage(host: host, pageHash: pageHash, now: now), logger: logger) != nil else {
                return false
            }
            var unique = Set<UInt64>()
            for block in blocks where unique.insert(block.hash).inserted {
                try await db.run(TemplateSQL.countBlock(host: host, hash: block.hash, sample: block.sample, now: now), logger: logger)
            }
            let blockCount = try await db.first(TemplateSQL.countBlocks(host: host), logger: logger)?.count("n") ?? 0
            if blockCount > SiteTemplateLimits.maxBlocksPerHost {
                try await db.run(TemplateSQL.trimBlocks(host: host, excess: blockCount - SiteTemplateLimits.maxBlocksPerHost), logger: logger)
            }
            let pageCount = try await db.first(TemplateSQL.countPages(host: host), logger: logger)?.count("n") ?? 0
            if pageCount > SiteTemplateLimits.maxPagesPerHost {
                try await db.run(TemplateSQL.trimPages(host: host, excess: pageCount - SiteTemplateLimits.maxPagesPerHost), logger: logger)
            }
            return true
        }
    }

    public func templateReport(host: String) async throws -> [(hash: UInt64, pages: Int, sample: String)] {
        try await read { [logger] db in try await db.rows(TemplateSQL.report(host: host), logger: logger).map(RowDecoding.templateBlock) }
    }
}
