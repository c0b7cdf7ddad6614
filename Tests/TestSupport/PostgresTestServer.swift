import Foundation
import Logging
import PostgresNIO
import Storage

/// The PostgreSQL server the tests use: `SYNDIC_TEST_POSTGRES_URL`, which `scripts/test.sh` sets after
/// starting its own throwaway server (`scripts/pg-server.sh`).
///
/// When the variable is set, or `CI` is, PostgreSQL tests run and fail if the server cannot be
/// reached; run by hand without it they are skipped, saying so. Each test gets a database of its own
/// (`syndic_test_…`), created here on demand.
public enum PostgresTestServer {
    /// The server's URL, when one is configured.
    public static var url: String? {
        let value = ProcessInfo.processInfo.environment["SYNDIC_TEST_POSTGRES_URL"] ?? ""
        return value.isEmpty ? nil : value
    }

    /// Whether PostgreSQL tests must run (and fail without a server): a URL is given, or this is CI.
    public static var required: Bool {
        url != nil || !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    }

    /// The message a skipped PostgreSQL test prints.
    public static let skipMessage = "PostgreSQL tests SKIPPED: SYNDIC_TEST_POSTGRES_URL is not set (scripts/test.sh starts a server and sets it)"

    public struct NotConfigured: Error, CustomStringConvertible {
        public var description: String {
            "CI is set but SYNDIC_TEST_POSTGRES_URL is not: the PostgreSQL tests need the server scripts/test.sh starts"
        }
    }

    /// The configured server (its maintenance database).
    public static func server() throws -> PostgresLocation {
        guard let url else { throw NotConfigured() }
        guard case .postgres(let location) = try StoreLocation.parse(url) else { throw NotConfigured() }
        return location
    }

    /// A location on the server for a database that does not exist yet.
    public static func newDatabaseLocation() throws -> PostgresLocation {
        var location = try server()
        location.database = "syndic_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        return location
    }

    /// Creates the (empty) database `location` names.
    public static func createDatabase(_ location: PostgresLocation) async throws {
        try await execute("CREATE DATABASE \"\(location.database)\"", on: try server())
    }

    /// Runs one statement (no result) on the database `location` names.
    public static func execute(_ sql: String, on location: PostgresLocation) async throws {
        _ = try await strings(sql, on: location)
    }

    /// Runs one query on the database `location` names; returns its first column as text. One direct
    /// connection, so an unreachable server fails at once with its reason.
    public static func strings(_ sql: String, on location: PostgresLocation) async throws -> [String] {
        let configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: location.password, database: location.database, tls: .disable)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw Unreachable(location: location, reason: String(reflecting: error))
        }
        do {
            var values: [String] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                let cell = row.makeRandomAccess()[0]
                values.append(cell.bytes == nil ? "" : (try? cell.decode(String.self)) ?? "\((try? cell.decode(Int64.self)) ?? 0)")
            }
            try? await connection.close()
            return values
        } catch {
            try? await connection.close()
            throw error
        }
    }

    private static let logger = Logger(label: "syndic.test.postgres")

    /// The test server named by `SYNDIC_TEST_POSTGRES_URL` could not be reached: a failure, never a skip.
    public struct Unreachable: Error, CustomStringConvertible {
        public var location: PostgresLocation
        public var reason: String
        public var description: String { "cannot reach the PostgreSQL test server \(location): \(reason)" }
    }
}
