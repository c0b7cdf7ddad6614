import Foundation
import Logging
import PostgresNIO
import Storage
import StoreSQL

/// A session advisory lock of a PostgreSQL schema, held on a connection of its own for as long as its
/// holder runs: the poll lock of exclusive polls (purpose 2) and the placer lock of shared ones (4).
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

    /// Purpose 2 of ``PostgresSchema/lockKey(_:)``: exclusive polls.
    static let pollPurpose = 2
    /// Purpose 4: the one process that places entries in stories.
    static let placerPurpose = 4

    static func acquire(client: PostgresClient, wait: Bool, purpose: Int = pollPurpose, logger: Logger) async throws -> PostgresPollLock {
        let key = PostgresSchema.lockKey(purpose)
        let (released, releaseSignal) = AsyncStream<Void>.makeStream()
        let outcome = PostgresStartSignal()
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
                                  AND l.classid = CAST(hashtext('syndic:' || current_schema()) AS oid) AND l.objid = \(purpose)
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
}
