import Foundation
import SQLiteStore
import Storage

/// Opens the store a location names: SQLite for a path, PostgreSQL for a `postgres://` URL.
///
/// The command line and the tests open stores here; the rest of Syndic sees only the `Storage`
/// contract.
///
/// ```swift
/// let store = try await StoreFactory.open(try StoreLocation.resolve(db), access: .readOnly)
/// let page = try await store.stories(StoryQuery(limit: 50))
/// ```
public enum StoreFactory {
    /// Opens (and with ``StoreAccess/readWrite`` creates and migrates) the store at `location`.
    public static func open(_ location: StoreLocation, access: StoreAccess) async throws -> any SyndicStore {
        switch location {
        case .sqlite(let path):
            return try SQLiteStore(path: path, access: access)
        case .postgres(let server):
            throw StorageError.cannotConnect(path: server.description, reason: "this build has no PostgreSQL backend yet")
        }
    }
}
