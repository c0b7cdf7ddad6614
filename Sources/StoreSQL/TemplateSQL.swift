import Foundation
import Storage

/// Statements on `site_block` and `site_page` (template learning), bounded by ``SiteTemplateLimits``.
package enum TemplateSQL {
    package static func blocks(host: String) -> SQLStatement {
        SQLStatement("SELECT block_hash FROM site_block WHERE host = ? AND page_count >= ?",
                     [.text(host), .of(SiteTemplateLimits.templateThreshold)])
    }

    /// Counts a page once: returns a row only when the page was new.
    package static func insertPage(host: String, pageHash: UInt64, now: Date) -> SQLStatement {
        SQLStatement("INSERT INTO site_page (host, page_hash, seen_at) VALUES (?, ?, ?) ON CONFLICT (host, page_hash) DO NOTHING RETURNING page_hash",
                     [.text(host), .of(pageHash), .of(now)])
    }

    package static func countBlock(host: String, hash: UInt64, sample: String, now: Date) -> SQLStatement {
        SQLStatement("""
            INSERT INTO site_block (host, block_hash, page_count, sample, last_seen_at) VALUES (?, ?, 1, ?, ?)
            ON CONFLICT (host, block_hash) DO UPDATE SET page_count = site_block.page_count + 1, last_seen_at = excluded.last_seen_at
            """, [.text(host), .of(hash), .text(String(sample.prefix(SiteTemplateLimits.sampleLength))), .of(now)])
    }

    package static func countBlocks(host: String) -> SQLStatement {
        SQLStatement("SELECT COUNT(*) AS n FROM site_block WHERE host = ?", [.text(host)])
    }

    /// Forgets the `excess` least-seen, oldest blocks of `host`.
    package static func trimBlocks(host: String, excess: Int) -> SQLStatement {
        SQLStatement("""
            DELETE FROM site_block WHERE host = ? AND block_hash IN (
              SELECT block_hash FROM site_block WHERE host = ? ORDER BY page_count, last_seen_at, block_hash LIMIT ?)
            """, [.text(host), .text(host), .of(excess)])
    }

    package static func countPages(host: String) -> SQLStatement {
        SQLStatement("SELECT COUNT(*) AS n FROM site_page WHERE host = ?", [.text(host)])
    }

    /// Forgets the `excess` oldest pages of `host`.
    package static func trimPages(host: String, excess: Int) -> SQLStatement {
        SQLStatement("""
            DELETE FROM site_page WHERE host = ? AND page_hash IN (
              SELECT page_hash FROM site_page WHERE host = ? ORDER BY seen_at, page_hash LIMIT ?)
            """, [.text(host), .text(host), .of(excess)])
    }

    package static func report(host: String) -> SQLStatement {
        SQLStatement("SELECT block_hash, page_count, sample FROM site_block WHERE host = ? ORDER BY page_count DESC, block_hash LIMIT 100",
                     [.text(host)])
    }
}
