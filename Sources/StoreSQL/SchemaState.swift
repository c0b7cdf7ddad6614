import Foundation
import Storage

/// What a database holds, read before anything is written to it; the same rules for every backend.
package enum SchemaState: Equatable, Sendable {
    /// No tables at all: a new database (or a zero-length file).
    case empty
    /// A Syndic database with these migrations applied, in the order they were.
    case syndic(applied: [String])
    /// Tables that are not Syndic's.
    case foreign(tables: [String])

    /// The first migration every Syndic database has applied: its mark.
    package static let firstMigration = "v1-initial"

    /// The state of a database with `tables`, and `applied` migrations when it has a migrations table.
    package init(tables: [String], applied: [String]?, migrationsTable: String) {
        if tables.isEmpty || (tables == [migrationsTable] && applied?.isEmpty != false) {
            self = .empty
        } else if let applied, applied.contains(Self.firstMigration) {
            self = .syndic(applied: applied)
        } else {
            self = .foreign(tables: tables)
        }
    }

    /// Refuses a foreign database and one from a newer Syndic (a migration not in `known`); with
    /// `requireCurrent` (a reader), also one that lacks some of `known`.
    package func check(known: [String], location: String, requireCurrent: Bool) throws {
        switch self {
        case .foreign(let tables):
            throw StorageError.foreignDatabase(path: location, tables: tables)
        case .empty:
            if requireCurrent { throw StorageError.needsMigration(path: location, pending: known) }
        case .syndic(let applied):
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty { throw StorageError.newerDatabase(path: location, unknownMigrations: unknown) }
            let pending = known.filter { !applied.contains($0) }
            if requireCurrent, !pending.isEmpty { throw StorageError.needsMigration(path: location, pending: pending) }
        }
    }

    /// The migrations of `known` already applied (none for an empty database).
    package var applied: [String] {
        if case .syndic(let applied) = self { return applied }
        return []
    }
}
