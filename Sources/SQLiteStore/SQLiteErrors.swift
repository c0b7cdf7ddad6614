import Foundation
import GRDB
import Storage

extension StorageError {
    /// Whether the database file (when it exists) and its folder can be written: `access(2)` also says
    /// no for root on a read-only filesystem.
    static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 { return false }
        return access(folder, W_OK) == 0
    }

    /// Whether files can be created in the folder of `path`.
    static func folderIsWritable(of path: String) -> Bool {
        access((path as NSString).deletingLastPathComponent, W_OK) == 0
    }

    /// Maps a GRDB error to the case the user can act on.
    static func wrap(_ error: any Error, path: String) -> any Error {
        if error is StorageError || error is CancellationError { return error }
        guard let db = error as? DatabaseError else { return error }
        let reason = db.message ?? "\(db.resultCode)"
        switch db.resultCode {
        case .SQLITE_FULL: return StorageError.diskFull(reason: reason)
        case .SQLITE_READONLY: return StorageError.readOnly(path: path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StorageError.corrupt(path: path, reason: reason)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StorageError.busy(reason: reason)
        case .SQLITE_CONSTRAINT: return StorageError.constraintViolation(reason: reason)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return isWritable(path) ? StorageError.cannotOpen(path: path, reason: reason) : StorageError.readOnly(path: path)
        default: return StorageError.sqlite(reason: reason)
        }
    }
}
