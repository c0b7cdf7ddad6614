import Foundation

/// The database's own identity (see ``StoreInstance``), for digest item ids and `syndic instance`.
public protocol InstanceStore: Sendable {
    /// The instance this database is; the same on every call, from every process, for its whole life.
    func instance() async throws -> StoreInstance
}
