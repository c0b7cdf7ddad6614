import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// Server and client errors mapped to the ``StorageError`` case the user can act on.
enum PostgresErrors {
    /// Runs `body`, mapping any error it throws.
    static func mapping<T>(_ server: PostgresLocation, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw wrap(error, server: server) }
    }

    static func wrap(_ error: any Error, server: PostgresLocation) -> any Error {
        let location = server.description
        switch error {
        case is StorageError, is CancellationError:
            return error
        case let column as SQLColumnError:
            return StorageError.postgres(reason: column.description)
        case let transaction as PostgresTransactionError:
            return wrap(transaction.closureError ?? transaction.commitError ?? transaction.beginError ?? error, server: server)
        case let psql as PSQLError:
            return wrap(psql, location: location)
        default:
            return StorageError.postgres(reason: "\(error)")
        }
    }

    private static func wrap(_ error: PSQLError, location: String) -> any Error {
        guard let info = error.serverInfo else {
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            switch error.code {
            case .connectionError, .serverClosedConnection, .sslUnsupported, .failedToAddSSLHandler, .poolClosed:
                return StorageError.cannotConnect(path: location, reason: reason)
            case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
                return StorageError.cannotOpen(path: location, reason: "authentication failed (\(reason))")
            default:
                return StorageError.postgres(reason: reason)
            }
        }
        let message = info[.message] ?? "\(error.code)"
        let state = info[.sqlState] ?? ""
        switch state {
        case "3D000": return StorageError.databaseNotFound(path: location)
        case "25006": return StorageError.readOnly(path: location)
        case "53100": return StorageError.diskFull(reason: message)
        case "40001", "40P01", "55P03", "57014": return StorageError.busy(reason: message)
        case _ where state.hasPrefix("23"): return StorageError.constraintViolation(reason: message)
        case _ where state.hasPrefix("28"): return StorageError.cannotOpen(path: location, reason: message)
        case "57P03", "53300": return StorageError.cannotConnect(path: location, reason: message)
        default: return StorageError.postgres(reason: message + (state.isEmpty ? "" : " (SQLSTATE \(state))"))
        }
    }
}
