import Foundation

/// Per-host memory of repeated text blocks (site template learning).
///
/// Each extracted page contributes the hashes of its normalized text blocks once per distinct page
/// (pages are keyed by a hash of their URL). A block counted on at least
/// ``SiteTemplateLimits/templateThreshold`` distinct pages of a host is template (an author bio, a
/// disclaimer, a newsletter box) and later extractions of that host drop it. Each host keeps a bounded
/// number of blocks and pages: the least-seen, oldest are forgotten first.
public protocol SiteTemplateStore: Sendable {
    /// Block hashes seen on at least `templateThreshold` distinct pages of `host`.
    func templateBlocks(host: String) async throws -> Set<UInt64>
    /// Counts the blocks of one page of `host`; a page already counted is ignored. Returns whether it was new.
    @discardableResult
    func recordPageBlocks(host: String, pageHash: UInt64, blocks: [(hash: UInt64, sample: String)], now: Date) async throws -> Bool
    /// The learned template of a host with counts and samples, most frequent first (at most 100 blocks).
    func templateReport(host: String) async throws -> [(hash: UInt64, pages: Int, sample: String)]
}

extension SiteTemplateStore {
    /// ``recordPageBlocks(host:pageHash:blocks:now:)`` at the current time.
    @discardableResult
    public func recordPageBlocks(host: String, pageHash: UInt64, blocks: [(hash: UInt64, sample: String)]) async throws -> Bool {
        try await recordPageBlocks(host: host, pageHash: pageHash, blocks: blocks, now: Date())
    }
}

/// The bounds of template learning, the same for every backend.
public enum SiteTemplateLimits {
    /// Distinct pages of a host a block must appear on to count as template.
    public static let templateThreshold = 3
    /// Blocks remembered per host.
    public static let maxBlocksPerHost = 5_000
    /// Pages remembered per host.
    public static let maxPagesPerHost = 2_000
    /// Characters of a block's sample text kept for `--explain`.
    public static let sampleLength = 200
}
