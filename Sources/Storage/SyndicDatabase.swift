import Foundation
import GRDB
import SyndicCore

/// Syndic's one SQLite file: WAL mode, foreign keys on, migrated on open.
///
/// All SQL lives in this module; other modules see plain value types. One instance may be shared
/// by many tasks: reads run concurrently, writes are serialized by SQLite's WAL writer lock, and
/// a busy timeout absorbs short waits for another process (a `poll` beside a `serve`).
///
/// ```swift
/// let db = try SyndicDatabase(path: SyndicDatabase.defaultPath())
/// let feed = try db.addFeed(url: "https://example.org/feed.xml")
/// ```
public final class SyndicDatabase: Sendable {
    /// Absolute path of the SQLite file.
    public let path: String
    let pool: DatabasePool

    /// The database location when none is given: `$SYNDIC_DB`, else
    /// `$XDG_DATA_HOME/syndic/syndic.sqlite`, else `~/.local/share/syndic/syndic.sqlite`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit = environment["SYNDIC_DB"], !explicit.isEmpty { return explicit }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/syndic/syndic.sqlite"
    }

    /// Opens (creating folders and file as needed) and migrates the database at `path`.
    ///
    /// - Throws: ``StorageError/newerDatabase(path:unknownMigrations:)`` for a file from a newer
    ///   Syndic, and the other ``StorageError`` cases for files that cannot be created or opened.
    public init(path: String, maxPageCount: Int? = nil) throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        self.path = absolute
        let folder = (absolute as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StorageError.cannotCreateFolder(path: folder, reason: (error as NSError).localizedDescription)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(15)
        config.label = "syndic"
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }
        do {
            pool = try DatabasePool(path: absolute, configuration: config)
        } catch {
            throw StorageError.wrap(error, path: absolute)
        }
        let migrator = Schema.migrator
        do {
            try pool.write { db in
                let known = Set(migrator.migrations)
                let applied = try migrator.appliedIdentifiers(db)
                let unknown = applied.subtracting(known).sorted()
                if !unknown.isEmpty {
                    throw StorageError.newerDatabase(path: absolute, unknownMigrations: unknown)
                }
            }
            try migrator.migrate(pool)
        } catch {
            throw StorageError.wrap(error, path: absolute)
        }
    }

    /// Names of the migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Result of SQLite's `PRAGMA integrity_check` plus `foreign_key_check`: `["ok"]` when sound.
    public func integrityCheck() throws -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            let orphans = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            problems += orphans.map { "foreign key violation in \($0[0] as String? ?? "?") row \($0[1] as Int64? ?? -1)" }
            return problems.isEmpty ? ["ok"] : problems
        }
    }

    // MARK: Access with errors mapped to StorageError

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch { throw StorageError.wrap(error, path: path) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try pool.write(body) } catch { throw StorageError.wrap(error, path: path) }
    }
}
