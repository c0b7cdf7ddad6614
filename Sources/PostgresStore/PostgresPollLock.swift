import Foundation
import Logging
import PostgresNIO
import Storage
import StoreSQL

/// The poll lock of a PostgreSQL schema: a session advisory lock, held on a connection of its own
/// for as long as the poll runs.
///
/// The server frees it the moment that session ends, so a poller killed with `kill -9` never leaves
/// it behind. A refused poll is told the holder's `application_name` (`syndic (pid N on HOST)`) from
/// `pg_stat_activity`.
final class PostgresPollLock: PollLock, @unchecked Sendable {
    let holder: String
    private let releaseSignal: AsyncStream<Void>.Continuation
    private let task: Task<Void, Never>

    private init(holder: String, releaseSignal: AsyncStream<Void>.Continuation, task: Task<Void, Never>) {
        self.holder = holder; self.releaseSignal = releaseSignal; self.task = task
    }

    static func acquire(client: PostgresClient, wait: Bool, logger: Logger) async throws -> PostgresPollLock {
        let key = PostgresSchema.lockKey(2)
        let (released, releaseSignal) = AsyncStream<Void>.makeStream()
        let outcome = Outcome()
        let task = Task {
            do {
                try await client.withConnection { connection in
                    if wait {
                        try await connection.run(SQLStatement("SELECT pg_advisory_lock(\(key))"), logger: logger)
                    } else {
                        let row = try await connection.first(SQLStatement("SELECT pg_try_advisory_lock(\(key)) AS taken"), logger: logger)
                        guard try row?.bool("taken") == true else {
                            let holder = try await connection.first(SQLStatement("""
                                SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
                                  AND l.classid = CAST(hashtext('syndic:' || current_schema()) AS oid) AND l.objid = 2
                                """), logger: logger)?.optionalText("name")
                            outcome.resume(.failure(StorageError.pollRunning(holder: Self.describe(holder))))
                            return
                        }
                    }
                    outcome.resume(.success(()))
                    for await _ in released {}
                    _ = try? await connection.run(SQLStatement("SELECT pg_advisory_unlock(\(key))"), logger: logger)
                }
            } catch {
                outcome.resume(.failure(error))
            }
        }
        try await outcome.value()
        return PostgresPollLock(holder: describe(PostgresStore.sessionName), releaseSignal: releaseSignal, task: task)
    }

    /// `process N on HOST holds the poll lock`, from the holder's session name.
    static func describe(_ sessionName: String?) -> String {
        guard let sessionName, let open = sessionName.range(of: "(pid "), sessionName.hasSuffix(")") else {
            return "another process holds the poll lock"
        }
        let inside = sessionName[open.upperBound..<sessionName.index(before: sessionName.endIndex)]
        return "process \(inside) holds the poll lock"
    }

    func release() async {
        releaseSignal.finish()
        await task.value
    }

    deinit { releaseSignal.finish() }

    /// The acquisition's result, handed once from the lock's task to the caller.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<Void, any Error>?
        private var waiter: CheckedContinuation<Void, any Error>?

        func resume(_ value: Result<Void, any Error>) {
            lock.lock()
            guard result == nil else { lock.unlock(); return }
            result = value
            let waiter = self.waiter
            self.waiter = nil
            lock.unlock()
            waiter?.resume(with: value)
        }

        func value() async throws {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                lock.lock()
                if let result {
                    lock.unlock()
                    continuation.resume(with: result)
                } else {
                    waiter = continuation
                    lock.unlock()
                }
            }
        }
    }
}
