import Foundation
import GRDB
import Storage
import SyndicCore

/// Syndic's store in one SQLite file: WAL mode, foreign keys on, through GRDB's async API (each
/// access runs on GRDB's own queues, never blocking a cooperative thread).
///
/// One instance may be shared by many tasks: reads run concurrently, writes are serialized by
/// SQLite's WAL writer lock, and a busy timeout absorbs short waits for another process (a `poll`
/// beside a `serve`).
///
/// Opening never changes a file that is not Syndic's: an existing file is inspected read-only first,
/// and a file with other tables is refused. Read-only opening (``StoreAccess/readOnly``) creates
/// nothing and migrates nothing; it works on a file or folder without write permission (falling back
/// to SQLite's `immutable` mode when not even SQLite's shared-memory file can be created beside it).
///
/// ```swift
/// let store = try SQLiteStore(path: "/srv/news.sqlite")
/// let feed = try await store.addFeed(url: "https://example.org/feed.xml")
/// ```
public final class SQLiteStore: SyndicStore {
    /// Absolute path of the SQLite file.
    public let path: String
    public let access: StoreAccess
    public var location: StoreLocation { .sqlite(path: path) }
    public let migratedOnOpen: [String]
    let pool: DatabasePool

    /// Opens the database at `path`. With ``StoreAccess/readWrite``, folders and file are created as
    /// needed and the schema is migrated; with ``StoreAccess/readOnly`` the file must exist and be
    /// migrated already.
    ///
    /// - Throws: ``StorageError/databaseNotFound(path:)``, ``StorageError/foreignDatabase(path:tables:)``,
    ///   ``StorageError/newerDatabase(path:unknownMigrations:)``, ``StorageError/needsMigration(path:pending:)``
    ///   and the other ``StorageError`` cases for files that cannot be created or opened.
    ///   `maxPageCount` caps the file's size (tests use it to simulate a full disk).
    public init(path: String, access: StoreAccess = .readWrite, maxPageCount: Int? = nil) throws {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        self.path = absolute
        self.access = access
        (pool, migratedOnOpen) = try Self.open(absolute, access: access, maxPageCount: maxPageCount)
    }

    private static func open(_ path: String, access: StoreAccess, maxPageCount: Int?) throws -> (DatabasePool, [String]) {
        let exists = FileManager.default.fileExists(atPath: path)
        if access == .readOnly {
            guard exists else { throw StorageError.databaseNotFound(path: path) }
            let pool = try openReadOnly(path)
            let state = try wrapping(path) { try pool.read(SQLiteSchema.inspect) }
            try SQLiteSchema.check(state, path: path, requireCurrent: true)
            return (pool, [])
        }
        if exists {
            // Inspected before the pool opens: opening sets WAL mode, which would change a foreign file.
            let inspection = try openReadOnly(path)
            let state = try wrapping(path) { try inspection.read(SQLiteSchema.inspect) }
            try wrapping(path) { try inspection.close() }
            try SQLiteSchema.check(state, path: path, requireCurrent: false)
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StorageError.cannotCreateFolder(path: folder, reason: (error as NSError).localizedDescription)
            }
        }
        var config = configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if let maxPageCount { try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }
        let pool = try wrapping(path) { try DatabasePool(path: path, configuration: config) }
        let migrated = try wrapping(path) {
            // Checked again by the writer: another process may have migrated meanwhile.
            let before = try pool.write { db in
                try SQLiteSchema.check(try SQLiteSchema.inspect(db), path: path, requireCurrent: false)
                return try SQLiteSchema.migrator.appliedIdentifiers(db)
            }
            try SQLiteSchema.migrator.migrate(pool)
            return SQLiteSchema.migrator.migrations.filter { !before.contains($0) }
        }
        return (pool, migrated)
    }

    public func close() async {
        try? pool.close()
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(15)
        config.label = "syndic"
        return config
    }

    /// A read-only pool. SQLite can read a WAL database read-only only if it may create the `-shm`
    /// file beside it (or it exists); when the folder forbids that, the file is opened `immutable`
    /// (a copy or a read-only mount, which nothing else writes).
    private static func openReadOnly(_ path: String) throws -> DatabasePool {
        var config = configuration()
        config.readonly = true
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            _ = try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return pool
        } catch let error as DatabaseError where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode)
                    && !StorageError.folderIsWritable(of: path) {
            return try wrapping(path) { try DatabasePool(path: immutableURI(path), configuration: config) }
        } catch {
            throw StorageError.wrap(error, path: path)
        }
    }

    /// `file:PATH?immutable=1`, percent-encoding what a URI filename would misread.
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": encoded += "%25"
            case "?": encoded += "%3F"
            case "#": encoded += "%23"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return "file:" + encoded + "?immutable=1"
    }

    private static func wrapping<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw StorageError.wrap(error, path: path) }
    }

    // MARK: Access with errors mapped to StorageError

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch { throw StorageError.wrap(error, path: path) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard access == .readWrite else { throw StorageError.readOnly(path: path) }
        do { return try await pool.write(body) } catch { throw StorageError.wrap(error, path: path) }
    }
}
