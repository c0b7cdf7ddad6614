import Foundation
import GRDB
import StoreSQL

/// Runs the shared statements (`StoreSQL`) on a GRDB connection.
extension Database {
    private func prepared(_ s: SQLStatement) throws -> Statement {
        let statement = s.reusable ? try cachedStatement(sql: s.sql) : try makeStatement(sql: s.sql)
        statement.arguments = StatementArguments(s.values.map(\.databaseValue))
        return statement
    }

    func run(_ s: SQLStatement) throws {
        try prepared(s).execute()
    }

    func rows(_ s: SQLStatement) throws -> [SQLiteRow] {
        try Row.fetchAll(prepared(s)).map(SQLiteRow.init)
    }

    func first(_ s: SQLStatement) throws -> SQLiteRow? {
        try Row.fetchOne(prepared(s)).map(SQLiteRow.init)
    }

    /// The first column of every row as integers (ids).
    func ids(_ s: SQLStatement) throws -> [Int64] {
        try Int64.fetchAll(prepared(s))
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .int(let v): return v.databaseValue
        case .double(let v): return v.databaseValue
        case .text(let v): return v.storable.databaseValue
        case .blob(let v): return Data(v).databaseValue
        case .bool(let v): return v.databaseValue
        case .null: return .null
        }
    }
}

/// A GRDB row read through ``SQLRow``.
struct SQLiteRow: SQLRow {
    let row: Row

    func value(_ column: String) throws -> SQLValue {
        guard let value: DatabaseValue = row[column] else {
            throw SQLColumnError(column: column, expected: "a column of that name", found: .null)
        }
        switch value.storage {
        case .null: return .null
        case .int64(let v): return .int(v)
        case .double(let v): return .double(v)
        case .string(let v): return .text(v)
        case .blob(let v): return .blob(Array(v))
        }
    }
}
