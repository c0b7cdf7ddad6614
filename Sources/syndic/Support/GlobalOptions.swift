import ArgumentParser
import Foundation
import Logging
import StoreFactory
import Storage

/// Flags every command that touches the database or logs accepts (before or after the subcommand's name).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database: a SQLite file, or postgres://user@host:port/name.", discussion: "Default: $SYNDIC_DB, else $XDG_DATA_HOME/syndic/syndic.sqlite (~/.local/share/syndic/syndic.sqlite).", valueName: "path|url"))
    var db: String?

    @Flag(name: .long, help: "Log what Syndic is doing to stderr.")
    var verbose = false

    @Flag(name: .long, help: "Print nothing unless something is wrong.")
    var quiet = false

    /// The database these options select: `--db`, else `$SYNDIC_DB`, else the default file.
    func location() throws -> StoreLocation {
        try StoreLocation.resolve(db)
    }

    /// Opens the selected database after setting up logging: reading commands ask for
    /// ``StoreAccess/readOnly`` (nothing is created, migrated or written), writing commands for
    /// ``StoreAccess/readWrite`` (created and migrated as needed).
    func openStore(_ access: StoreAccess) async throws -> any SyndicStore {
        bootstrapLogging()
        return try await StoreFactory.open(try location(), access: access)
    }

    /// Sends swift-log output to stderr at the level the flags ask for (once per process).
    func bootstrapLogging() {
        let level: Logger.Level = verbose ? .debug : (quiet ? .error : .warning)
        LoggingSetup.bootstrap(level: level)
    }
}

/// swift-log may be bootstrapped only once per process.
enum LoggingSetup {
    nonisolated(unsafe) private static var done = false
    private static let lock = NSLock()

    static func bootstrap(level: Logger.Level) {
        lock.lock(); defer { lock.unlock() }
        guard !done else { return }
        done = true
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label, level: level) }
    }
}
extension TableOrJSON: ExpressibleByArgument {}
