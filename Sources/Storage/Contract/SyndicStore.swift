import Foundation

/// Everything Syndic keeps: the union of the store protocols, one per concern.
///
/// Modules depend on the concerns they use (the web view on ``StoryStore`` and ``FeedStore``, the
/// poller on ``PollStore``, ``FeedStore`` and ``SiteTemplateStore``); the command line opens a whole
/// store with `StoreFactory.open(_:access:)`. Every method is `async` and every value crossing the
/// contract is a plain `Sendable` value type: no SQL, no database handle and no backend type leaves a
/// backend. Errors are ``StorageError``.
///
/// Two backends implement it: `SQLiteStore` (one file, the default) and `PostgresStore` (a server that
/// several machines share). A store opened with ``StoreAccess/readOnly`` refuses every write in the
/// database engine itself, so a reading command cannot change the database even by mistake.
public protocol SyndicStore: FeedStore, EntryStore, StoryStore, PollStore, SiteTemplateStore, MaintenanceStore, InstanceStore,
                             UserStore, SubscriptionStore, ReadStateStore, ReaderItemStore {
    /// Where this store lives (a file path or a server URL without its password).
    var location: StoreLocation { get }
    /// Whether this store was opened for reading only.
    var access: StoreAccess { get }
    /// The migrations that opening this store applied, oldest first (empty when the schema was current).
    var migratedOnOpen: [String] { get }
    /// Closes connections; the store must not be used afterwards. Ending the process closes it too.
    func close() async
}

/// What a command intends to do with the database it opens.
public enum StoreAccess: Sendable, Equatable {
    /// Reading commands (`stories`, `digest`, `story`, `explain`, `feeds list|export`, `instance`, `serve`): the
    /// database must exist and be fully migrated; nothing is created, migrated or written. (`serve` opens a
    /// second store for writing only when its reader APIs are on: they record read state and tokens.)
    case readOnly
    /// Writing commands (`poll`, `feeds add|import|remove`, `prune`, `migrate`, `users`, `read`, `unread`,
    /// `star`, `unstar`): the database is created
    /// when missing and migrated to the current schema.
    case readWrite
}
