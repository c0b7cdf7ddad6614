import Foundation
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// The poll lock of a SQLite database: `flock(2)` on `<real path of the database>.lock`.
///
/// The path is resolved first (symlinks, `..`), so every name of one database file takes the same
/// lock. The kernel releases the lock when the process exits, even after `kill -9`, so a crash never
/// leaves a stale lock. The holder writes `pid host` into the file so a second poll can say who holds it.
final class SQLitePollLock: PollLock, @unchecked Sendable {
    let lockPath: String
    let holder: String
    private let lock = NSLock()
    private var fd: Int32

    private init(lockPath: String, holder: String, fd: Int32) {
        self.lockPath = lockPath; self.holder = holder; self.fd = fd
    }

    /// The lock file of the database at `databasePath` (which must exist).
    static func lockPath(databasePath: String) -> String {
        guard let resolved = realpath(databasePath, nil) else { return databasePath + ".lock" }
        defer { free(resolved) }
        return String(cString: resolved) + ".lock"
    }

    /// Takes the lock; with `wait`, blocks (on a thread of its own, not a cooperative one) until it is free.
    static func acquire(databasePath: String, wait: Bool) async throws -> SQLitePollLock {
        let path = lockPath(databasePath: databasePath)
        if wait {
            return try await withCheckedThrowingContinuation { continuation in
                Thread { continuation.resume(with: Result { try take(path, blocking: true) }) }.start()
            }
        }
        return try take(path, blocking: false)
    }

    private static func take(_ path: String, blocking: Bool) throws -> SQLitePollLock {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StorageError.cannotOpen(path: path, reason: "the poll lock file: \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | (blocking ? 0 : LOCK_NB)) != 0 {
            var buffer = [UInt8](repeating: 0, count: 320)
            let n = pread(fd, &buffer, buffer.count - 1, 0)
            close(fd)
            let words = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).split(whereSeparator: \.isWhitespace) : []
            throw StorageError.pollRunning(holder: describe(pid: words.first.map(String.init), host: words.dropFirst().first.map(String.init),
                                                            lockPath: path))
        }
        let host = ProcessInfo.processInfo.hostName
        let pid = String(getpid())
        let record = Array("\(pid) \(host)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = record.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return SQLitePollLock(lockPath: path, holder: describe(pid: pid, host: host, lockPath: path), fd: fd)
    }

    /// `process 123 on host holds /path.lock`, with what is known.
    private static func describe(pid: String?, host: String?, lockPath: String) -> String {
        let who = pid.map { "process \($0)" + (host.map { " on \($0)" } ?? "") } ?? "another process"
        return "\(who) holds \(lockPath)"
    }

    func release() async { releaseNow() }

    private func releaseNow() {
        lock.lock(); defer { lock.unlock() }
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { releaseNow() }
}
