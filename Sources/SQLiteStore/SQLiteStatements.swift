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

    /// Every row, each column's value read once; names are looked up in one map per statement
    /// (GRDB's by-name lookup lowercases the name on every call, which dominated a page of items).
    func rows(_ s: SQLStatement) throws -> [SQLiteRow] {
        let statement = try prepared(s)
        let columns = SQLiteRow.Columns(statement.columnNames)
        var rows: [SQLiteRow] = []
        let cursor = try Row.fetchCursor(statement)
        while let row = try cursor.next() {
            rows.append(SQLiteRow(columns: columns, values: row.databaseValues.map(SQLValue.init)))
        }
        return rows
    }

    func first(_ s: SQLStatement) throws -> SQLiteRow? {
        let statement = try prepared(s)
        return try Row.fetchOne(statement).map {
            SQLiteRow(columns: SQLiteRow.Columns(statement.columnNames), values: $0.databaseValues.map(SQLValue.init))
        }
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

extension SQLValue {
    /// The value GRDB read from a column.
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let v): self = .int(v)
        case .double(let v): self = .double(v)
        case .string(let v): self = .text(v)
        case .blob(let v): self = .blob(Array(v))
        }
    }
}

/// A row of a GRDB statement read through ``SQLRow``: its values, and its statement's column map.
struct SQLiteRow: SQLRow {
    /// Column name → index, the first column of a name winning; names match ignoring case, as in GRDB.
    struct Columns {
        let index: [String: Int]

        init(_ names: [String]) {
            var index: [String: Int] = [:]
            for (i, name) in names.enumerated() where index[name.lowercased()] == nil { index[name.lowercased()] = i }
            self.index = index
        }
    }

    let columns: Columns
    let values: [SQLValue]

    func value(_ column: String) throws -> SQLValue {
        guard let i = columns.index[column] ?? columns.index[column.lowercased()] else {
            throw SQLColumnError(column: column, expected: "a column of that name", found: .null)
        }
        return values[i]
    }
}
