import Foundation
import GRDB
import Storage
import StoreSQL

/// The reader APIs' streams (``ReaderItemStore``).
extension SQLiteStore {
    public func readerItemRefs(_ query: ReaderItemQuery) async throws -> [ReaderItemRef] {
        try await read { db in try db.rows(ReaderItemSQL.refs(query)).map(ReaderItemSQL.ref) }
    }

    public func readerItemCount(_ query: ReaderItemQuery) async throws -> Int {
        try await read { db in try db.first(ReaderItemSQL.count(query))?.count("n") ?? 0 }
    }

    public func readerItems(entryIDs: [Int64], reader: ReaderView) async throws -> [ReaderItem] {
        try await read { db in
            let rows = try ReaderItemSQL.items(entryIDs, reader: reader).flatMap { try db.rows($0) }
            let storyIDs = Array(Set(try rows.compactMap { try $0.optionalInt("story_id") })).sorted()
            var copies: [Int64: [StoryCopy]] = [:]
            for statement in ReaderItemSQL.copies(storyIDs: storyIDs, reader: reader) {
                for row in try db.rows(statement) {
                    let (story, copy) = try ReaderItemSQL.copy(row)
                    copies[story, default: []].append(copy)
                }
            }
            let labels = try Self.storyLabels(db, userID: reader.userID, storyIDs: storyIDs)
            return try rows.map { try ReaderItemSQL.item($0, copies: copies, labels: labels) }
        }
    }

    public func readerUnreadCounts(_ reader: ReaderView) async throws -> [ReaderUnreadCount] {
        try await read { db in try db.rows(ReaderItemSQL.unreadCounts(reader)).map(ReaderItemSQL.unreadCount) }
    }
}
