import Foundation
import SQLiteStore
import StoreFactory
import Storage

/// A backend the contract tests run against.
public enum StoreBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite, postgres
    public var description: String { rawValue }
}

/// Fresh stores for tests: a new SQLite file in its own folder, or a new database on the test
/// PostgreSQL server (`SYNDIC_TEST_POSTGRES_URL`, started by `scripts/test.sh`).
public enum TestStores {
    /// The backends contract tests are parameterized over: SQLite, and PostgreSQL when it is configured
    /// or required (see ``PostgresTestServer``); otherwise the PostgreSQL cases are skipped, saying so.
    public static let backends: [StoreBackend] = {
        if PostgresTestServer.required { return [.sqlite, .postgres] }
        print(PostgresTestServer.skipMessage)
        return [.sqlite]
    }()

    /// A path for a new SQLite file in a new temporary folder (neither exists yet).
    public static func sqlitePath(_ label: String = "store", name: String = "syndic.sqlite") -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("syndic-\(label)-\(UUID().uuidString)")
            .appendingPathComponent(name).path
    }

    /// A new, empty, migrated SQLite store.
    public static func sqlite(_ label: String = "store", maxPageCount: Int? = nil) throws -> SQLiteStore {
        try SQLiteStore(path: sqlitePath(label), maxPageCount: maxPageCount)
    }

    /// A new location of `backend` where no database exists yet.
    public static func newLocation(_ backend: StoreBackend) async throws -> StoreLocation {
        switch backend {
        case .sqlite: return .sqlite(path: sqlitePath())
        case .postgres: return .postgres(try PostgresTestServer.newDatabaseLocation())
        }
    }

    /// A new, empty, migrated store of `backend`, opened for writing.
    public static func fresh(_ backend: StoreBackend) async throws -> any SyndicStore {
        try await StoreFactory.open(try await emptyDatabase(backend), access: .readWrite)
    }

    /// A new location of `backend` holding an existing database with no tables at all (a zero-length
    /// SQLite file; a new PostgreSQL database).
    public static func emptyDatabase(_ backend: StoreBackend) async throws -> StoreLocation {
        let location = try await newLocation(backend)
        switch location {
        case .sqlite(let path):
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data())
        case .postgres(let server):
            try await PostgresTestServer.createDatabase(server)
        }
        return location
    }

    /// The store at `store`'s location opened again with `access` (another process would see the same).
    public static func reopen(_ store: any SyndicStore, _ access: StoreAccess) async throws -> any SyndicStore {
        try await StoreFactory.open(store.location, access: access)
    }
}
