import Foundation
import SyndicCore
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock beside the database, so two `syndic poll` runs (say, overlapping cron jobs)
/// never work on one database at once.
///
/// The lock is `flock(2)` on `<database>.lock`; the kernel releases it when the process exits, even
/// after `kill -9`, so a crash never leaves a stale lock. The holder writes its pid into the file so a
/// second poll can say who holds it.
public final class PollLock {
    public enum Failure: UserFacingError, Equatable {
        case held(path: String, pid: Int32?)
        case cannotOpen(path: String, reason: String)

        public var exitCode: SyndicExitCode {
            switch self {
            case .held: return .temporaryFailure
            case .cannotOpen: return .cannotCreate
            }
        }

        public var description: String {
            switch self {
            case .held(let path, let pid):
                let who = pid.map { "process \($0)" } ?? "another process"
                return "another poll is running (\(who) holds \(path)); try again later, or pass --wait to wait for it"
            case .cannotOpen(let path, let reason):
                return "cannot open the lock file \(path): \(reason); check that the database folder is writable"
            }
        }
    }

    public let path: String
    private let fd: Int32

    /// Takes the lock for the database at `databasePath`; with `wait`, blocks until it is free.
    public init(databasePath: String, wait: Bool) throws(Failure) {
        let path = databasePath + ".lock"
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        if flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 31, 0)
            close(fd)
            let pid = n > 0 ? Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) : nil
            throw .held(path: path, pid: pid)
        }
        self.fd = fd
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
