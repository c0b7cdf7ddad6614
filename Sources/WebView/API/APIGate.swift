import Foundation
import Storage

/// Whether the reader APIs answer now, and the store they use. A server started before any user
/// existed looks at the users again (at most once a second, on a request) and turns the APIs on
/// when one can log in, opening the store for writing then; once on, or refused for the address,
/// the decision stands until the server stops.
final class APIGate: @unchecked Sendable {
    private let lock = NSLock()
    private var current: ReaderAPI.Availability
    private var currentStore: any ReaderAPI.Store
    private var lastCheck: Date?
    private let recheck: ReaderAPI.Recheck?

    init(store: any ReaderAPI.Store, availability: ReaderAPI.Availability, recheck: ReaderAPI.Recheck?) {
        current = availability; currentStore = store; self.recheck = recheck
    }

    var store: any ReaderAPI.Store { lock.withLock { currentStore } }

    /// The availability for a request at `now`, deciding again first while no user exists.
    func availability(now: Date) async throws -> ReaderAPI.Availability {
        let (availability, store, due) = lock.withLock { () -> (ReaderAPI.Availability, any ReaderAPI.Store, Bool) in
            let due = current == .noUsers && recheck != nil && (lastCheck.map { now.timeIntervalSince($0) >= 1 || now < $0 } ?? true)
            if due { lastCheck = now }
            return (current, currentStore, due)
        }
        guard due, let recheck else { return availability }
        let decided = recheck.decide(try await store.listUsers())
        guard decided != .noUsers else { return .noUsers }
        let writable = decided == .on ? try await recheck.openForWriting() : store
        return lock.withLock {
            if current == .noUsers { current = decided; currentStore = writable }
            return current
        }
    }
}
