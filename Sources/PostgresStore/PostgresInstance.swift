import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// The database's identity.
extension PostgresStore {
    public func instance() async throws -> StoreInstance {
        let location = server.description
        return try await read { [logger] db in
            guard let row = try await db.first(InstanceSQL.read, logger: logger) else {
                throw StorageError.corrupt(path: location, reason: "its instance row is missing")
            }
            return try InstanceSQL.instance(row)
        }
    }
}
