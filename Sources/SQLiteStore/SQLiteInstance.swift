import Foundation
import Storage
import StoreSQL

/// The database's identity.
extension SQLiteStore {
    public func instance() async throws -> StoreInstance {
        let path = self.path
        return try await read { db in
            guard let row = try db.first(InstanceSQL.read) else {
                throw StorageError.corrupt(path: path, reason: "its instance row is missing")
            }
            return try InstanceSQL.instance(row)
        }
    }
}
