import Foundation

/// A value bound to, or read from, a shared statement: the types both backends store.
///
/// Times are seconds since 1970 (`REAL` in SQLite, `double precision` in PostgreSQL), booleans are
/// SQLite integers or PostgreSQL `boolean`, hashes are signed 64-bit integers (bit patterns).
package enum SQLValue: Sendable, Equatable {
    case int(Int64)
    case double(Double)
    case text(String)
    case blob([UInt8])
    case bool(Bool)
    case null

    package static func of(_ value: Int64?) -> SQLValue { value.map(SQLValue.int) ?? .null }
    package static func of(_ value: Int?) -> SQLValue { value.map { .int(Int64($0)) } ?? .null }
    package static func of(_ value: Double?) -> SQLValue { value.map(SQLValue.double) ?? .null }
    package static func of(_ value: String?) -> SQLValue { value.map(SQLValue.text) ?? .null }
    package static func of(_ value: Date?) -> SQLValue { value.map { .double($0.timeIntervalSince1970) } ?? .null }
    package static func of(_ value: Bool) -> SQLValue { .bool(value) }
    package static func of(_ value: UInt64) -> SQLValue { .int(Int64(bitPattern: value)) }
}

extension String {
    /// The text as both backends store it: without U+0000, which PostgreSQL text cannot hold (the
    /// backends drop it alike, so a value reads back the same from either).
    package var storable: String {
        // A byte scan: `contains("\u{0}")` is Foundation's substring search, which cost 12% of a cold poll.
        let hasNUL = utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        } ?? utf8.contains(0)
        return hasNUL ? String(decoding: utf8.filter { $0 != 0 }, as: UTF8.self) : self
    }
}

/// SQL text with `?` placeholders and the values bound to them, in order.
///
/// Written once in the dialect both SQLite (3.35+) and PostgreSQL (12+) accept; a backend only
/// numbers the placeholders when its driver wants `$1`, `$2`, ….
package struct SQLStatement: Sendable {
    package var sql: String
    package var values: [SQLValue]
    /// Whether the text recurs, so a backend may keep it prepared (false for statements whose text
    /// varies with a list's length).
    package var reusable: Bool

    package init(_ sql: String, _ values: [SQLValue] = [], reusable: Bool = true) {
        self.sql = sql; self.values = values; self.reusable = reusable
    }

    /// `sql` with its `?` placeholders numbered `$1`, `$2`, … (PostgreSQL's form). Shared statements
    /// hold no `?` inside string literals.
    package var numberedSQL: String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var n = 0
        for character in sql {
            if character == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// `(?, ?, …)` for `count` values.
    package static func placeholders(_ count: Int) -> String {
        "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
    }

    /// `ids` in chunks of 8, 16, … 512 values, each padded to its size by repeating its last id: an
    /// `IN` list over them has one of seven shapes, so its statement can be kept and reused (a
    /// repeated value changes nothing in an `IN`). For the statements of every API page.
    package static func paddedChunks(_ ids: [Int64]) -> [[Int64]] {
        chunks(ids, size: 512).map { chunk in
            var size = 8
            while size < chunk.count { size *= 2 }
            return chunk + Array(repeating: chunk[chunk.count - 1], count: size - chunk.count)
        }
    }

    /// `ids` in chunks small enough for any backend's parameter limit.
    package static func chunks<Value>(_ ids: [Value], size: Int = 500) -> [[Value]] {
        stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }
}

/// A result row as a backend hands it to the shared decoders: each column read as an ``SQLValue``.
package protocol SQLRow {
    func value(_ column: String) throws -> SQLValue
}

/// A column whose value has the wrong type for the decoder reading it (a schema mismatch).
package struct SQLColumnError: Error, CustomStringConvertible {
    package var column: String
    package var expected: String
    package var found: SQLValue
    package var description: String { "column \(column): expected \(expected), found \(found)" }

    package init(column: String, expected: String, found: SQLValue) {
        self.column = column; self.expected = expected; self.found = found
    }
}

extension SQLRow {
    package func optionalInt(_ column: String) throws -> Int64? {
        switch try value(column) {
        case .null: return nil
        case .int(let v): return v
        case .bool(let b): return b ? 1 : 0
        case let other: throw SQLColumnError(column: column, expected: "an integer", found: other)
        }
    }

    package func int(_ column: String) throws -> Int64 {
        guard let v = try optionalInt(column) else { throw SQLColumnError(column: column, expected: "an integer", found: .null) }
        return v
    }

    package func optionalCount(_ column: String) throws -> Int? { try optionalInt(column).map { Int($0) } }
    package func count(_ column: String) throws -> Int { Int(try int(column)) }

    package func optionalDouble(_ column: String) throws -> Double? {
        switch try value(column) {
        case .null: return nil
        case .double(let v): return v
        case .int(let v): return Double(v)
        case let other: throw SQLColumnError(column: column, expected: "a number", found: other)
        }
    }

    package func optionalDate(_ column: String) throws -> Date? {
        try optionalDouble(column).map(Date.init(timeIntervalSince1970:))
    }

    package func date(_ column: String) throws -> Date {
        guard let v = try optionalDate(column) else { throw SQLColumnError(column: column, expected: "a time", found: .null) }
        return v
    }

    package func optionalText(_ column: String) throws -> String? {
        switch try value(column) {
        case .null: return nil
        case .text(let v): return v
        case let other: throw SQLColumnError(column: column, expected: "text", found: other)
        }
    }

    package func text(_ column: String) throws -> String {
        guard let v = try optionalText(column) else { throw SQLColumnError(column: column, expected: "text", found: .null) }
        return v
    }

    package func bool(_ column: String) throws -> Bool {
        switch try value(column) {
        case .bool(let b): return b
        case .int(let v): return v != 0
        case let other: throw SQLColumnError(column: column, expected: "a boolean", found: other)
        }
    }

    package func blob(_ column: String) throws -> [UInt8] {
        switch try value(column) {
        case .blob(let b): return b
        case .text(let t): return Array(t.utf8)
        case let other: throw SQLColumnError(column: column, expected: "bytes", found: other)
        }
    }
}
