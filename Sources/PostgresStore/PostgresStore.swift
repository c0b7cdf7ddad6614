import Foundation
import Logging
import NIOSSL
import PostgresNIO
import Storage
import StoreSQL

/// Syndic's store in a PostgreSQL database, through postgres-nio's `PostgresClient` (a connection
/// pool; raw SQL with bound parameters, no ORM), so several machines can share one database.
///
/// The statements are the ones the SQLite backend runs (`StoreSQL`); this type owns the connection,
/// the transactions, the schema and its migrations (under an advisory lock), the poll lock (an
/// advisory lock too) and the mapping of server errors to ``StorageError``.
///
/// Opened ``StoreAccess/readOnly``, every session has `default_transaction_read_only` on, so the
/// server refuses writes, and nothing is created or migrated. The database itself must exist (create
/// it with `createdb`); ``StoreAccess/readWrite`` creates Syndic's tables in it.
///
/// PostgreSQL text cannot hold U+0000; both backends drop it from stored text (`String.storable`).
public final class PostgresStore: SyndicStore {
    public let server: PostgresLocation
    public let access: StoreAccess
    public let migratedOnOpen: [String]
    public var location: StoreLocation { .postgres(server) }
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>

    /// Connections kept per store at most (a poll uses a handful; a web view more under load).
    public static let maximumConnections = 8

    private init(server: PostgresLocation, access: StoreAccess, client: PostgresClient, runner: Task<Void, Never>,
                 logger: Logger, migratedOnOpen: [String]) {
        self.server = server; self.access = access; self.client = client; self.runner = runner
        self.logger = logger; self.migratedOnOpen = migratedOnOpen
    }

    /// Connects to `server` and checks (read-only) or brings up to date (read-write) its schema.
    ///
    /// - Throws: ``StorageError/databaseNotFound(path:)`` when the database does not exist,
    ///   ``StorageError/cannotConnect(path:reason:)`` when the server cannot be reached, and the schema
    ///   errors of ``PostgresSchema/check(_:location:requireCurrent:)``.
    public static func open(_ server: PostgresLocation, access: StoreAccess) async throws -> PostgresStore {
        var logger = Logger(label: "syndic.postgres")
        logger.logLevel = .critical
        // One direct connection first: it fails at once with the server's own reason (no such database,
        // authentication, refused), where the pool would retry; the schema is checked or migrated on it.
        let migrated = try await PostgresErrors.mapping(server) {
            let connection = try await PostgresConnection.connect(configuration: try connectionConfiguration(server, access: access),
                                                                  id: 0, logger: logger)
            do {
                let migrated = try await PostgresSchema.prepare(connection, access: access, location: server.description, logger: logger)
                try? await connection.close()
                return migrated
            } catch {
                try? await connection.close()
                throw error
            }
        }
        let client = PostgresClient(configuration: try clientConfiguration(server, access: access), backgroundLogger: logger)
        let runner = Task { await client.run() }
        return PostgresStore(server: server, access: access, client: client, runner: runner, logger: logger, migratedOnOpen: migrated)
    }

    public func close() async {
        runner.cancel()
        await runner.value
    }

    deinit { runner.cancel() }

    /// The TLS configuration for `server`'s `sslmode`, nil for `disable`. As libpq's `prefer` and
    /// `require`: encrypted when possible (required), the certificate not checked; `verify-full` checks it.
    private static func tlsConfiguration(_ server: PostgresLocation) -> TLSConfiguration? {
        switch server.tls {
        case .disable:
            return nil
        case .prefer, .require:
            var unverified = TLSConfiguration.makeClientConfiguration()
            unverified.certificateVerification = .none
            return unverified
        case .verifyFull:
            return .makeClientConfiguration()
        }
    }

    /// Startup parameters of every session: its name, and read-only transactions for a read-only store.
    private static func startupParameters(_ access: StoreAccess) -> [(String, String)] {
        var parameters = [("application_name", sessionName)]
        if access == .readOnly { parameters.append(("default_transaction_read_only", "on")) }
        return parameters
    }

    static func connectionConfiguration(_ server: PostgresLocation, access: StoreAccess) throws -> PostgresConnection.Configuration {
        var tls = PostgresConnection.Configuration.TLS.disable
        if let configuration = tlsConfiguration(server) {
            let context = try NIOSSLContext(configuration: configuration)
            tls = server.tls == .prefer ? .prefer(context) : .require(context)
        }
        var configuration = PostgresConnection.Configuration(host: server.host, port: server.port, username: server.user,
                                                             password: server.password, database: server.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = startupParameters(access)
        return configuration
    }

    static func clientConfiguration(_ server: PostgresLocation, access: StoreAccess) throws -> PostgresClient.Configuration {
        var tls = PostgresClient.Configuration.TLS.disable
        if let configuration = tlsConfiguration(server) {
            tls = server.tls == .prefer ? .prefer(configuration) : .require(configuration)
        }
        var configuration = PostgresClient.Configuration(host: server.host, port: server.port, username: server.user,
                                                         password: server.password, database: server.database, tls: tls)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectionIdleTimeout = .seconds(10)
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = startupParameters(access)
        return configuration
    }

    /// `syndic (pid N on HOST)`: how this process shows in `pg_stat_activity`, and to a poll refused the lock.
    static let sessionName: String = {
        let name = "syndic (pid \(getpid()) on \(ProcessInfo.processInfo.hostName))"
        return String(name.prefix(63))
    }()

    // MARK: Access with errors mapped to StorageError

    /// Runs `body` on a pooled connection, outside a transaction (each statement on its own).
    func read<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await PostgresErrors.mapping(server) { try await client.withConnection { try await body($0) } }
    }

    /// Runs one writing statement on its own (the server commits it by itself): one round trip where
    /// ``write(_:)`` takes three.
    func writeStatement<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        guard access == .readWrite else { throw StorageError.readOnly(path: server.description) }
        return try await PostgresErrors.mapping(server) { try await client.withConnection { try await body($0) } }
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func write<T: Sendable>(_ body: @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        guard access == .readWrite else { throw StorageError.readOnly(path: server.description) }
        return try await PostgresErrors.mapping(server) {
            try await client.withConnection { connection in
                try await connection.run(SQLStatement("BEGIN"), logger: logger)
                do {
                    let result = try await body(connection)
                    try await connection.run(SQLStatement("COMMIT"), logger: logger)
                    return result
                } catch {
                    _ = try? await connection.run(SQLStatement("ROLLBACK"), logger: logger)
                    throw error
                }
            }
        }
    }
}
