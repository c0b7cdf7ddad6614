import Foundation
import GRDB
import SyndicCore

/// What can go wrong with Syndic's database, in words that tell the user what to do.
public enum StorageError: UserFacingError, Equatable {
    /// The file was written by a newer Syndic whose migrations this build does not know.
    case newerDatabase(path: String, unknownMigrations: [String])
    /// The folder for the database could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// SQLite could not open the file (permissions, not a database, …).
    case cannotOpen(path: String, reason: String)
    /// The disk or the database's size limit is full; nothing of the failed write was kept.
    case diskFull(reason: String)
    /// The database file or its folder is read-only.
    case readOnly(path: String)
    /// The file is damaged.
    case corrupt(path: String, reason: String)
    /// Another process held the database longer than the busy timeout.
    case busy(reason: String)
    /// A uniqueness or foreign-key rule was broken.
    case constraintViolation(reason: String)
    /// A feed with this URL is already subscribed.
    case duplicateFeed(url: String, existingID: Int64)
    /// No feed matches the given id or URL.
    case feedNotFound(String)
    /// No story has this id.
    case storyNotFound(Int64)
    /// Any other SQLite error.
    case sqlite(reason: String)

    public var exitCode: SyndicExitCode {
        switch self {
        case .newerDatabase, .corrupt, .constraintViolation, .duplicateFeed: return .dataError
        case .cannotCreateFolder, .cannotOpen, .readOnly, .diskFull: return .cannotCreate
        case .busy: return .temporaryFailure
        case .feedNotFound, .storyNotFound: return .noInput
        case .sqlite: return .failure
        }
    }

    public var description: String {
        switch self {
        case .newerDatabase(let path, let ids):
            return "the database \(path) was written by a newer Syndic (migrations \(ids.joined(separator: ", ")) are unknown here); upgrade Syndic or use another --db"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create the folder \(path): \(reason); choose another place with --db or SYNDIC_DB"
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason); check the path and its permissions, or choose another with --db"
        case .diskFull(let reason):
            return "the disk is full (\(reason)); nothing of the failed write was kept — free some space and run the command again"
        case .readOnly(let path):
            return "the database \(path) is read-only; make the file and its folder writable, or use another --db"
        case .corrupt(let path, let reason):
            return "the database \(path) is damaged (\(reason)); restore a backup or start a new one with --db"
        case .busy(let reason):
            return "the database is busy in another process (\(reason)); try again in a moment"
        case .constraintViolation(let reason):
            return "the change breaks a database rule (\(reason)); nothing was written"
        case .duplicateFeed(let url, let id):
            return "\(url) is already subscribed as feed \(id)"
        case .feedNotFound(let key):
            return "no feed matches '\(key)'; `syndic feeds list` shows the ids and URLs"
        case .storyNotFound(let id):
            return "no story has id \(id); `syndic stories` lists them"
        case .sqlite(let reason):
            return "database error: \(reason)"
        }
    }

    /// Whether the database file (when it exists) and its folder can be written: `access(2)` also says
    /// no for root on a read-only filesystem.
    static func isWritable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 { return false }
        return access(folder, W_OK) == 0
    }

    /// Maps a GRDB error to the case the user can act on.
    static func wrap(_ error: any Error, path: String) -> any Error {
        if error is StorageError { return error }
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
