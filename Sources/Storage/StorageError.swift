import Foundation
import SyndicCore

/// What can go wrong with Syndic's database, in words that tell the user what to do.
///
/// Locations in messages are ``StoreLocation/description``: a file path, or a server URL without
/// its password.
public enum StorageError: UserFacingError, Equatable {
    /// The database was written by a newer Syndic whose migrations this build does not know.
    case newerDatabase(path: String, unknownMigrations: [String])
    /// The database lacks migrations this Syndic needs, and it was opened for reading only.
    case needsMigration(path: String, pending: [String])
    /// A reading command was pointed at a database that does not exist (nothing was created).
    case databaseNotFound(path: String)
    /// The file or server database holds tables, but not Syndic's; it is left untouched.
    case foreignDatabase(path: String, tables: [String])
    /// The folder for the database could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The database could not be opened (permissions, not a database, server refused, …).
    case cannotOpen(path: String, reason: String)
    /// The database server could not be reached.
    case cannotConnect(path: String, reason: String)
    /// A `--db` / `SYNDIC_DB` value that is neither a path nor a valid `postgres://` URL.
    case invalidLocation(String, reason: String)
    /// The disk or the database's size limit is full; nothing of the failed write was kept.
    case diskFull(reason: String)
    /// The database file or its folder is read-only, or the store was opened for reading.
    case readOnly(path: String)
    /// The file is damaged.
    case corrupt(path: String, reason: String)
    /// Another process held the database longer than the busy timeout.
    case busy(reason: String)
    /// Another poll holds the poll lock of this database.
    case pollRunning(holder: String)
    /// A poller's lease on a feed ran out and another poller claimed the feed; this fetch was not kept.
    case leaseLost(feedID: Int64)
    /// A uniqueness or foreign-key rule was broken.
    case constraintViolation(reason: String)
    /// A feed with this URL is already subscribed.
    case duplicateFeed(url: String, existingID: Int64)
    /// No feed matches the given id or URL.
    case feedNotFound(String)
    /// No story has this id.
    case storyNotFound(Int64)
    /// A user of this name exists already.
    case duplicateUser(String)
    /// No user has this name (or id).
    case userNotFound(String)
    /// The default user cannot be removed.
    case defaultUserStays
    /// The user has no token with this id.
    case tokenNotFound(Int64)
    /// Any other SQLite error.
    case sqlite(reason: String)
    /// Any other PostgreSQL error.
    case postgres(reason: String)

    public var exitCode: SyndicExitCode {
        switch self {
        case .newerDatabase, .foreignDatabase, .corrupt, .constraintViolation, .duplicateFeed, .duplicateUser, .defaultUserStays:
            return .dataError
        case .cannotCreateFolder, .cannotOpen, .readOnly, .diskFull: return .cannotCreate
        case .busy, .pollRunning, .leaseLost, .needsMigration, .cannotConnect: return .temporaryFailure
        case .feedNotFound, .storyNotFound, .databaseNotFound, .userNotFound, .tokenNotFound: return .noInput
        case .invalidLocation: return .usage
        case .sqlite, .postgres: return .failure
        }
    }

    public var description: String {
        switch self {
        case .newerDatabase(let path, let ids):
            return "the database \(path) was written by a newer Syndic (migrations \(ids.joined(separator: ", ")) are unknown here); upgrade Syndic or use another --db"
        case .needsMigration(let path, let pending):
            return "the database \(path) needs migrating (\(pending.joined(separator: ", "))), and reading commands never change it; run `syndic migrate --db \(path)` first"
        case .databaseNotFound(let path) where path.hasPrefix("postgres://"):
            return "the server has no database \(path) (nothing was created); check --db or SYNDIC_DB, or create it (createdb) and run `syndic migrate --db \(path)`"
        case .databaseNotFound(let path):
            return "there is no Syndic database at \(path) (nothing was created); check --db or SYNDIC_DB, or start one with `syndic feeds add URL` or `syndic migrate`"
        case .foreignDatabase(let path, let tables):
            let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "")
            return "\(path) is not a Syndic database (it holds other tables: \(shown)); it was left untouched — choose another --db"
        case .cannotCreateFolder(let path, let reason):
            return "cannot create the folder \(path): \(reason); choose another place with --db or SYNDIC_DB"
        case .cannotOpen(let path, let reason):
            return "cannot open the database \(path): \(reason); check the path and its permissions, or choose another with --db"
        case .cannotConnect(let path, let reason):
            return "cannot reach the database server \(path): \(reason); check that it is running and the URL in --db or SYNDIC_DB"
        case .invalidLocation(let text, let reason):
            return "--db \(text) is not usable: \(reason); give a file path or postgres://user@host:port/name"
        case .diskFull(let reason):
            return "the disk is full (\(reason)); nothing of the failed write was kept — free some space and run the command again"
        case .readOnly(let path):
            return "the database \(path) is read-only; make the file and its folder writable, or use another --db"
        case .corrupt(let path, let reason):
            return "the database \(path) is damaged (\(reason)); restore a backup or start a new one with --db"
        case .busy(let reason):
            return "the database is busy in another process (\(reason)); try again in a moment"
        case .pollRunning(let holder):
            return "another poll is running (\(holder)); try again later, or pass --wait to wait for it"
        case .leaseLost(let feedID):
            return "the lease on feed \(feedID) ran out before its fetch was stored, and another poller took the feed over; "
                + "nothing of this fetch was kept (the other poller fetches it). If this happens often, lower the load "
                + "or raise SYNDIC_LEASE_SECONDS"
        case .constraintViolation(let reason):
            return "the change breaks a database rule (\(reason)); nothing was written"
        case .duplicateFeed(let url, let id):
            return "\(url) is already subscribed as feed \(id)"
        case .feedNotFound(let key):
            return "no feed matches '\(key)'; `syndic feeds list` shows the ids and URLs"
        case .storyNotFound(let id):
            return "no story has id \(id); `syndic stories` lists them"
        case .duplicateUser(let name):
            return "a user named \(name) exists already; `syndic users list` shows them"
        case .userNotFound(let name):
            return "no user is named '\(name)'; `syndic users list` shows them, `syndic users add NAME` adds one"
        case .defaultUserStays:
            return "the default user cannot be removed (the command line reads as this user); remove other users only"
        case .tokenNotFound(let id):
            return "the user has no token \(id); `syndic users tokens list NAME` shows the ids"
        case .sqlite(let reason):
            return "database error: \(reason)"
        case .postgres(let reason):
            return "PostgreSQL error: \(reason)"
        }
    }
}
