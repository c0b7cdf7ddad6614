import ArgumentParser
import Foundation
import Storage
import SyndicCore

/// `syndic prune --older-than 30d`
struct PruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete old entries (with their articles and signatures) and stories left empty.",
        discussion: """
        Stories that lose some copies keep the rest (and their id), with a new representative when
        needed. Each deleted entry leaves a tombstone (feed, entry key, first seen), kept while its
        feed still lists it and 90 days longer, so a feed that still lists it never brings it back
        as new. Then the room is given back: on SQLite, when a tenth or more of the file is free, it
        is rewritten (VACUUM: it needs free disk space about the size of the file while it runs) and
        shrinks; on PostgreSQL, VACUUM makes the room reusable by new rows (the server's files keep
        their size). The sizes before and after are printed.

        Examples:
          syndic prune --older-than 30d
          syndic prune --older-than 90d --vacuum never    # delete only; the room is reused by new rows
        """
    )

    /// When to reclaim the room a prune frees.
    enum Vacuum: String, ExpressibleByArgument, CaseIterable { case auto, always, never }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Age of the entries to delete: e.g. 30d, 12w, 48h.")
    var olderThan: String

    @Option(help: "Reclaim the freed room: auto (when a tenth or more of the file is free), always, never.")
    var vacuum: Vacuum = .auto

    func validate() throws {
        guard Timestamp.parseDuration(olderThan) != nil else {
            throw ValidationError("--older-than takes a number and a unit (s, m, h, d, w), e.g. 30d")
        }
    }

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        let cutoff = try CommandClock.now().addingTimeInterval(-(Timestamp.parseDuration(olderThan) ?? 0))
        let before = try await db.storageSize()
        let result = try await db.prune(before: cutoff)
        if !global.quiet {
            Output.print("pruned \(result.entries) entries and \(result.stories) stories first seen before \(Timestamp.rfc3339(cutoff))")
        }
        var after = try await db.storageSize()
        let reclaim = Self.shouldReclaim(vacuum, after, removedEntries: result.entries)
        if reclaim {
            // The prune is committed: a VACUUM that fails (no room for its copy) loses nothing.
            try await db.reclaimSpace()
            after = try await db.storageSize()
        }
        if !global.quiet { Output.print(Self.sizeLine(before: before, after: after, reclaimed: reclaim, location: db.location)) }
    }

    /// `auto` reclaims when a tenth or more of the database is free (SQLite says how much), or, where
    /// the engine does not say (PostgreSQL), whenever entries were deleted.
    static func shouldReclaim(_ vacuum: Vacuum, _ size: StorageSize, removedEntries: Int) -> Bool {
        switch vacuum {
        case .always: return true
        case .never: return false
        case .auto:
            guard let free = size.freeBytes else { return removedEntries > 0 }
            return free > 0 && free * 10 >= size.bytes
        }
    }

    static func sizeLine(before: StorageSize, after: StorageSize, reclaimed: Bool, location: StoreLocation) -> String {
        let sizes = "\(ByteCount.format(before.bytes)) before, \(ByteCount.format(after.bytes)) after"
        if case .postgres = location {
            return "database (Syndic's tables): \(sizes)" + (reclaimed ? "; VACUUM made the freed room reusable by new rows (VACUUM FULL, in a quiet hour, would return it to the system)" : "")
        }
        let free = after.freeBytes.map { $0 > 0 ? "; \(ByteCount.format($0)) free inside, reused by new rows" : "" } ?? ""
        return "database: \(sizes)" + (reclaimed ? " (VACUUM)" : "") + free
    }
}

/// Byte counts as people read them: 812 B, 45.3 KB, 1.2 GB (powers of 1,000, as `ls --si` and `df -H`).
enum ByteCount {
    static func format(_ bytes: Int64) -> String {
        let units = ["KB", "MB", "GB", "TB"]
        guard bytes >= 1000 else { return "\(bytes) B" }
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        return String(format: value < 100 ? "%.1f" : "%.0f", value) + " " + units[unit]
    }
}
