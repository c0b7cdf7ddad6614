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
    /// The backends contract tests are parameterized over.
    public static var backends: [StoreBackend] { [.sqlite] }

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
        case .postgres: throw StorageError.cannotConnect(path: "postgres", reason: "no PostgreSQL backend in this build")
        }
    }

    /// A new, empty, migrated store of `backend`, opened for writing.
    public static func fresh(_ backend: StoreBackend) async throws -> any SyndicStore {
        try await StoreFactory.open(try await newLocation(backend), access: .readWrite)
    }

    /// The store at `store`'s location opened again with `access` (another process would see the same).
    public static func reopen(_ store: any SyndicStore, _ access: StoreAccess) async throws -> any SyndicStore {
        try await StoreFactory.open(store.location, access: access)
    }
}
