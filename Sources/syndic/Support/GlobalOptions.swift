import ArgumentParser
import Foundation
import Logging
import Storage

/// Flags every command that touches the database or logs accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The SQLite database file.", discussion: "Default: $SYNDIC_DB, else $XDG_DATA_HOME/syndic/syndic.sqlite (~/.local/share/syndic/syndic.sqlite).", valueName: "path"))
    var db: String?

    @Flag(name: .long, help: "Log what Syndic is doing to stderr.")
    var verbose = false

    @Flag(name: .long, help: "Print nothing unless something is wrong.")
    var quiet = false

    /// The database path these options select.
    var databasePath: String { db ?? SyndicDatabase.defaultPath() }

    /// Opens (and migrates) the selected database, after setting up logging.
    func openDatabase() throws -> SyndicDatabase {
        bootstrapLogging()
        return try SyndicDatabase(path: databasePath)
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
