import Foundation

/// The streams of the reader APIs (Google Reader, Fever): pages of items in time or id order with
/// their read state, the items' texts and copies, and unread counts.
///
/// A stories stream holds one item per story (deduplicated: its representative), an entries stream
/// every entry of its feeds; either way an item's id is its entry's id and its read and starred
/// state is its story's, so reading one copy reads them all.
public protocol ReaderItemStore: Sendable {
    /// The items of a page of a stream, in its order (ids and state only).
    func readerItemRefs(_ query: ReaderItemQuery) async throws -> [ReaderItemRef]
    /// How many items the stream holds (its limit, cursor and order aside).
    func readerItemCount(_ query: ReaderItemQuery) async throws -> Int
    /// The items of these entries (in no particular order; missing ids and entries not yet in a story
    /// are skipped), with their state for `reader` and their stories' other copies.
    func readerItems(entryIDs: [Int64], reader: ReaderView) async throws -> [ReaderItem]
    /// Unread entries per feed for the reader (feeds without any are left out).
    func readerUnreadCounts(_ reader: ReaderView) async throws -> [ReaderUnreadCount]
}
