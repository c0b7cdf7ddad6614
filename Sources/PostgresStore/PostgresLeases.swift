import Foundation
import Logging
import PostgresNIO
import Storage
import StoreSQL

/// Shared polls on PostgreSQL: feed leases fenced by a token, the placer lock, and the wake-up of the
/// placer (`LISTEN`/`NOTIFY`). See ``SharedPollStore``.
extension PostgresStore: SharedPollStore {
    /// The host of a feed URL, as the claim query compares them (bound as a parameter: a literal `?`
    /// would read as a placeholder). Scheme, optional user info, then the host up to a port, path,
    /// query or fragment; lower-cased by the query.
    static let hostPattern = #"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#]*@)?(\[[^]]*\]|[^/:?#]*)"#
    /// The channel pollers notify when they commit unplaced entries.
    static let unplacedChannel = "syndic_unplaced"

    public func claimFeeds(_ claim: LeaseClaim) async throws -> [LeasedFeed] {
        guard claim.limit > 0 else { return [] }
        return try await write { [logger] db in
            // One claim at a time per schema, so two pollers never both find a host free and take its feeds.
            try await db.run(SQLStatement("SELECT pg_advisory_xact_lock(\(PostgresSchema.lockKey(3)))"), logger: logger)
            // Candidates: due (or, forced, active) feeds not leased by anyone live, on hosts no other poller
            // holds. Whole hosts are claimed, soonest due first, until `limit` feeds: a host's feeds stay
            // with one poller, so its connection limit and backoff hold across pollers.
            var conditions = ["f.disabled_reason IS NULL", "(f.lease_owner IS NULL OR f.lease_until < ?)"]
            var values: [SQLValue] = [.text(Self.hostPattern), .text(claim.owner), .of(claim.now), .text(Self.hostPattern), .of(claim.now)]
            if !claim.force {
                conditions.append("(f.next_fetch_at IS NULL OR f.next_fetch_at <= ?)")
                values.append(.of(claim.now))
            }
            if let before = claim.fetchedBefore {
                conditions.append("(f.last_fetched_at IS NULL OR f.last_fetched_at < ?)")
                values.append(.of(before))
            }
            if !claim.feedIDs.isEmpty {
                conditions.append("f.id IN \(SQLStatement.placeholders(claim.feedIDs.count))")
                values += claim.feedIDs.map { .int($0) }
            }
            values += [.int(Int64(claim.limit)), .int(Int64(claim.limit)), .text(claim.owner), .of(claim.until)]
            let rows = try await db.rows(SQLStatement("""
                WITH busy AS (
                  SELECT DISTINCT COALESCE(lower(substring(url from ?)), '') AS host FROM feed
                  WHERE lease_owner IS NOT NULL AND lease_owner <> ? AND lease_until >= ?),
                candidate AS (
                  SELECT f.id, COALESCE(lower(substring(f.url from ?)), '') AS host, COALESCE(f.next_fetch_at, 0) AS due_at FROM feed f
                  WHERE \(conditions.joined(separator: " AND "))),
                free AS (
                  SELECT * FROM candidate WHERE host NOT IN (SELECT host FROM busy)),
                host_order AS (
                  SELECT host, count(*) AS n, min(due_at) AS first_due FROM free GROUP BY host),
                chosen AS (
                  SELECT host FROM (SELECT host, n, sum(n) OVER (ORDER BY first_due, host) AS running FROM host_order) r
                  WHERE running - n < ?),
                due AS (
                  SELECT f.id FROM feed f JOIN free c ON c.id = f.id
                  WHERE c.host IN (SELECT host FROM chosen)
                  ORDER BY c.due_at, f.id
                  LIMIT ?
                  FOR UPDATE OF f SKIP LOCKED)
                UPDATE feed f SET lease_owner = ?, lease_until = ?, lease_token = f.lease_token + 1
                FROM due WHERE f.id = due.id
                RETURNING f.*
                """, values), logger: logger)
            return try rows.map { row in
                let feed = try RowDecoding.feed(row)
                return LeasedFeed(feed: feed, lease: FeedLease(feedID: feed.id, owner: claim.owner, token: try row.int("lease_token")))
            }.sorted { ($0.feed.nextFetchAt ?? .distantPast, $0.feed.id) < ($1.feed.nextFetchAt ?? .distantPast, $1.feed.id) }
        }
    }

    public func renewLeases(owner: String, until: Date, now: Date) async throws -> Int {
        try await write { [logger] db in
            try await db.ids(SQLStatement("UPDATE feed SET lease_until = ? WHERE lease_owner = ? AND lease_until >= ? RETURNING id",
                                          [.of(until), .text(owner), .of(now)]), logger: logger).count
        }
    }

    public func releaseLeases(owner: String) async throws {
        try await write { [logger] db in
            try await db.run(SQLStatement("UPDATE feed SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?",
                                          [.text(owner)]), logger: logger)
        }
    }

    public func commitFeedFetch(feed: Feed, drafts: [EntryDraft], lease: FeedLease, now: Date) async throws -> [EntryUpsertOutcome] {
        // The fence: only the holder of the current token may store this fetch; the feed's new state and
        // the end of the lease are one UPDATE (the row lock it takes keeps a claim from taking the feed
        // over before the commit). A fetch with no entries (a 304) is that one statement.
        let fenced = FeedSQL.updateFetchState(feed, fencedBy: lease)
        if drafts.isEmpty {
            let held = try await writeStatement { [logger] db in try await db.ids(fenced, logger: logger) }
            guard !held.isEmpty else { throw StorageError.leaseLost(feedID: lease.feedID) }
            return []
        }
        return try await write { [logger] db in
            guard !(try await db.ids(fenced, logger: logger)).isEmpty else { throw StorageError.leaseLost(feedID: lease.feedID) }
            return try await Self.upsertEntries(db, feedID: feed.id, drafts, now: now, feedURL: feed.url, logger: logger)
        }
    }

    public func acquirePlacerLock(wait: Bool) async throws -> (any PollLock)? {
        guard access == .readWrite else { throw StorageError.readOnly(path: server.description) }
        do {
            return try await PostgresErrors.mapping(server) {
                try await PostgresPollLock.acquire(client: client, wait: wait, purpose: PostgresPollLock.placerPurpose, logger: logger)
            }
        } catch StorageError.pollRunning {
            return nil
        }
    }

    public func notifyUnplaced() async throws {
        try await read { [logger] db in
            try await db.run(SQLStatement("SELECT pg_notify(?, '')", [.text(Self.unplacedChannel)]), logger: logger)
        }
    }

    public func listenForUnplaced() async throws -> WakeSignal {
        let (stop, stopSignal) = AsyncStream<Void>.makeStream()
        let signal = WakeSignal(onClose: { stopSignal.finish() })
        let started = PostgresStartSignal()
        let task = Task { [client, server] in
            do {
                try await PostgresErrors.mapping(server) {
                    try await client.withConnection { connection in
                        try await connection.listen(on: Self.unplacedChannel) { notifications in
                            started.resume(.success(()))
                            try await withThrowingTaskGroup(of: Void.self) { group in
                                group.addTask { for try await _ in notifications { signal.signal() } }
                                group.addTask { for await _ in stop {} }
                                _ = try await group.next()
                                group.cancelAll()
                            }
                        }
                    }
                }
            } catch {
                started.resume(.failure(error))
            }
        }
        do {
            try await started.value()
        } catch {
            task.cancel()
            throw error
        }
        return signal
    }
}
