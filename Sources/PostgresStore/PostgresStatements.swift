import Foundation
import Logging
import NIOCore
import PostgresNIO
import StoreSQL

/// Runs the shared statements (`StoreSQL`) on a postgres-nio connection.
extension PostgresConnection {
    func run(_ s: SQLStatement, logger: Logger) async throws {
        try await query(s.postgresQuery(), logger: logger)
    }

    func rows(_ s: SQLStatement, logger: Logger) async throws -> [PostgresSQLRow] {
        var rows: [PostgresSQLRow] = []
        for try await row in try await query(s.postgresQuery(), logger: logger) {
            rows.append(PostgresSQLRow(row: row.makeRandomAccess()))
        }
        return rows
    }

    func first(_ s: SQLStatement, logger: Logger) async throws -> PostgresSQLRow? {
        try await rows(s, logger: logger).first
    }

    /// The first column of every row as integers (ids).
    func ids(_ s: SQLStatement, logger: Logger) async throws -> [Int64] {
        try await rows(s, logger: logger).map { row in
            guard case .int(let id) = try row.value(at: 0) else { return 0 }
            return id
        }
    }
}

extension SQLStatement {
    /// The statement with numbered placeholders and its values bound.
    func postgresQuery() throws -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .int(let v): bindings.append(v)
            case .double(let v): bindings.append(v)
            case .text(let v): bindings.append(v.storable)
            case .blob(let v): bindings.append(ByteBuffer(bytes: v))
            case .bool(let v): bindings.append(v)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: numberedSQL, binds: bindings)
    }
}

/// A postgres-nio row read through ``SQLRow``.
struct PostgresSQLRow: SQLRow {
    let row: PostgresRandomAccessRow

    func value(_ column: String) throws -> SQLValue {
        guard row.contains(column) else {
            throw SQLColumnError(column: column, expected: "a column of that name", found: .null)
        }
        return try Self.decode(row[column])
    }

    func value(at index: Int) throws -> SQLValue {
        try Self.decode(row[index])
    }

    private static func decode(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid: return .int(try cell.decode(Int64.self))
        case .float4, .float8, .numeric: return .double(try cell.decode(Double.self))
        case .bool: return .bool(try cell.decode(Bool.self))
        case .bytea:
            let buffer = try cell.decode(ByteBuffer.self)
            return .blob(Array(buffer.readableBytesView))
        default: return .text(try cell.decode(String.self))
        }
    }
}
