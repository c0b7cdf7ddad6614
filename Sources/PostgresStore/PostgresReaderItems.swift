import Foundation
import PostgresNIO
import Storage
import StoreSQL

/// The reader APIs' streams (``ReaderItemStore``).
extension PostgresStore {
    public func readerItemRefs(_ query: ReaderItemQuery) async throws -> [ReaderItemRef] {
        try await read { [logger] db in try await db.rows(ReaderItemSQL.refs(query), logger: logger).map(ReaderItemSQL.ref) }
    }

    public func readerItemCount(_ query: ReaderItemQuery) async throws -> Int {
        try await read { [logger] db in try await db.rows(ReaderItemSQL.count(query), logger: logger).first?.count("n") ?? 0 }
    }

    public func readerItems(entryIDs: [Int64], reader: ReaderView) async throws -> [ReaderItem] {
        try await read { [logger] db in
            var rows: [PostgresSQLRow] = []
            for statement in ReaderItemSQL.items(entryIDs, reader: reader) { rows += try await db.rows(statement, logger: logger) }
            let storyIDs = Array(Set(try rows.compactMap { try $0.optionalInt("story_id") })).sorted()
            var copies: [Int64: [StoryCopy]] = [:]
            for statement in ReaderItemSQL.copies(storyIDs: storyIDs, reader: reader) {
                for row in try await db.rows(statement, logger: logger) {
                    let (story, copy) = try ReaderItemSQL.copy(row)
                    copies[story, default: []].append(copy)
                }
            }
            let labels = try await Self.storyLabels(db, userID: reader.userID, storyIDs: storyIDs, logger: logger)
            return try rows.map { try ReaderItemSQL.item($0, copies: copies, labels: labels) }
        }
    }

    public func readerUnreadCounts(_ reader: ReaderView) async throws -> [ReaderUnreadCount] {
        try await read { [logger] db in try await db.rows(ReaderItemSQL.unreadCounts(reader), logger: logger).map(ReaderItemSQL.unreadCount) }
    }
}
