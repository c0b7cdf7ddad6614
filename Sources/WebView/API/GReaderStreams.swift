import Digest
import Foundation
import Hummingbird
import Storage
import SyndicCore

/// The reading endpoints of the Google Reader API: `stream/contents`, `stream/items/ids`,
/// `stream/items/contents` and `unread-count`.
///
/// The reading list (and starred, read and label streams) is **deduplicated**: one item per story,
/// its representative entry, its content ending with the other copies ("Also reported by"). A feed
/// stream holds that feed's own entries. An item's id is its entry's id everywhere, and its read
/// state is its story's: reading a copy in a feed reads the story in the reading list.
struct GReaderStreams: Sendable {
    typealias Call = GReaderRoutes.Call
    let api: APIContext

    /// The largest `n` served (a whole 100,000-entry database in a few pages).
    static let maxItems: Int64 = 100_000

    /// What a stream id and the filter parameters select.
    struct Selection {
        var id: String
        var query: ReaderItemQuery
    }

    /// A stream with `xt=`, `it=`, `ot=`, `nt=`, `n=`, `r=` and `c=` applied.
    func select(_ streamText: String, _ call: Call, defaultCount: Int64 = 20) async throws -> Selection {
        let form = call.form
        var view = APIContext.view(call.user)
        let scope: ReaderItemScope
        var storyLabel: String?
        switch try GReaderStream.parse(streamText) {
        case .readingList: scope = .stories(feedIDs: nil)
        case .starred: scope = .stories(feedIDs: nil); view.starredOnly = true
        case .read: scope = .stories(feedIDs: nil); view.filter = .read
        case .label(let name):
            let feeds = try await feeds(labelled: name, call.user)
            if try await api.store.storyLabelNames(userID: call.user.id).contains(where: { $0.label == name }) { storyLabel = name }
            guard !feeds.isEmpty || storyLabel != nil else {
                throw ReaderAPIError.badRequest("No subscription or item is labelled \u{201C}\(name.prefix(80))\u{201D}: see tag/list.")
            }
            scope = .stories(feedIDs: feeds)
        case .feed(let key): scope = .entries(feedIDs: [try await feed(key, call.user)])
        }
        for excluded in form.all("xt") where !excluded.isEmpty {
            guard try GReaderStream.parse(excluded) == .read else {
                throw ReaderAPIError.badRequest("xt=\(excluded.prefix(80)) is not supported: only xt=\(GReaderStream.readID) (leave out read items).")
            }
            if view.filter == .read { view.filter = nil; view.starredOnly = false }
            view.filter = .unread
        }
        for included in form.all("it") where !included.isEmpty {
            switch try GReaderStream.parse(included) {
            case .read: view.filter = .read
            case .starred: view.starredOnly = true
            default: throw ReaderAPIError.badRequest("it=\(included.prefix(80)) is not supported: use \(GReaderStream.readID) or \(GReaderStream.starredID).")
            }
        }
        let order: ReaderItemOrder
        switch form.first("r") ?? "" {
        case "", "n", "d": order = .newestFirst
        case "o": order = .oldestFirst
        case let other: throw ReaderAPIError.badRequest("r=\(other.prefix(20)) is not an order: r=o is oldest first, r=n (or none) newest first.")
        }
        if let output = form.first("output"), !output.isEmpty, output != "json" {
            throw ReaderAPIError.badRequest("output=\(output.prefix(20)) is not served: only output=json.")
        }
        let limit = try form.int("n", in: 1...Self.maxItems) ?? defaultCount
        let seconds: ClosedRange<Int64> = 0...32_503_680_000
        var query = ReaderItemQuery(reader: view, scope: scope, order: order,
                                    newerThan: try form.int("ot", in: seconds).map { Date(timeIntervalSince1970: Double($0)) },
                                    olderThan: try form.int("nt", in: seconds).map { Date(timeIntervalSince1970: Double($0)) },
                                    limit: Int(limit) + 1, storyLabel: storyLabel)
        if let c = form.first("c"), !c.isEmpty {
            let cursor = try GReaderContinuation.decode(c)
            query.after = ReaderCursor(time: cursor.time, key: cursor.key)
        }
        return Selection(id: streamText, query: query)
    }

    /// A page: at most the asked number of refs, and the continuation when more follow.
    func page(_ selection: Selection) async throws -> (refs: [ReaderItemRef], continuation: String?) {
        var refs = try await api.store.readerItemRefs(selection.query)
        let wanted = (selection.query.limit ?? 1) - 1
        guard refs.count > wanted else { return (refs, nil) }
        refs.removeLast(refs.count - wanted)
        let cursor = refs.last!.cursor(in: selection.query.scope)
        return (refs, GReaderContinuation.encode((cursor.time, cursor.key)))
    }

    /// The feeds a user files under a label (ignoring case).
    func feeds(labelled name: String, _ user: User) async throws -> [Int64] {
        let wanted = name.lowercased()
        return try await api.store.subscriptions(userID: user.id).filter { $0.tags.contains { $0.lowercased() == wanted } }.map(\.feedID)
    }

    /// The id of a feed the user follows, by `feed/ID` or `feed/URL` (a 400 when none).
    func feed(_ key: String, _ user: User) async throws -> Int64 {
        let subscriptions = try await api.store.subscriptions(userID: user.id)
        if let id = Int64(key), subscriptions.contains(where: { $0.feedID == id }) { return id }
        if let url = try? URLNormalizer.normalize(key), let found = subscriptions.first(where: { $0.feedURL == url }) { return found.feedID }
        throw ReaderAPIError.badRequest("No subscription feed/\(key.prefix(120)): see subscription/list for the ids.")
    }

    /// `stream/contents/STREAM`.
    func contents(_ streamText: String, _ call: Call) async throws -> Response {
        let selection = try await select(streamText, call)
        let (refs, continuation) = try await page(selection)
        let items = try await items(refs.map(\.entryID), call.user)
        var body: [String: Any] = ["id": selection.id, "updated": Int64(api.clock().timeIntervalSince1970),
                                   "items": items.map { GReaderItemJSON.item($0, user: call.user) }]
        if let continuation { body["continuation"] = continuation }
        return APIResponse.json(body)
    }

    /// `reader/atom/STREAM`: the same page as ``contents(_:_:)`` in Google Reader's Atom form.
    func atom(_ streamText: String, _ call: Call) async throws -> Response {
        let selection = try await select(streamText.isEmpty ? GReaderStream.readingListID : streamText, call)
        let (refs, continuation) = try await page(selection)
        let items = try await items(refs.map(\.entryID), call.user)
        var title = selection.id
        if case .entries(let ids?) = selection.query.scope, let id = ids.first,
           let subscription = try await api.store.subscriptions(userID: call.user.id).first(where: { $0.feedID == id }) {
            title = subscription.title ?? subscription.feedURL
        }
        return GReaderAtom.feed(id: selection.id, title: title, items: items, continuation: continuation, updated: api.clock())
    }

    /// `stream/items/ids?s=STREAM`: decimal ids (the short form).
    func itemIDs(_ call: Call) async throws -> Response {
        guard let stream = call.form.first("s"), !stream.isEmpty else {
            throw ReaderAPIError.badRequest("stream/items/ids needs s=STREAM (e.g. s=\(GReaderStream.readingListID)).")
        }
        let selection = try await select(stream, call, defaultCount: 1000)
        let (refs, continuation) = try await page(selection)
        var body: [String: Any] = ["itemRefs": refs.map { ref -> [String: Any] in
            ["id": String(ref.entryID), "directStreamIds": [String](), "timestampUsec": String(Int64(ref.time * 1_000_000))]
        }]
        if let continuation { body["continuation"] = continuation }
        return APIResponse.json(body)
    }

    /// `stream/items/contents` with `i=` repeated (either id form), in the order asked.
    func itemContents(_ call: Call) async throws -> Response {
        let ids = try call.form.all("i").map(GReaderItemID.parse)
        guard !ids.isEmpty else { throw ReaderAPIError.badRequest("stream/items/contents needs i=ITEM-ID, once per item.") }
        guard ids.count <= 10_000 else { throw ReaderAPIError.badRequest("At most 10000 items per stream/items/contents request.") }
        let items = try await self.items(ids, call.user)
        return APIResponse.json(["id": GReaderStream.readingListID, "updated": Int64(api.clock().timeIntervalSince1970),
                                 "items": items.map { GReaderItemJSON.item($0, user: call.user) }])
    }

    /// The items of these entries the user may see, in the given order.
    func items(_ ids: [Int64], _ user: User) async throws -> [ReaderItem] {
        guard !ids.isEmpty else { return [] }
        let found = try await api.store.readerItems(entryIDs: ids, reader: APIContext.view(user))
        let allowed: Set<Int64>? = user.isDefault ? nil : Set(try await api.store.subscriptions(userID: user.id).map(\.feedID))
        var byID: [Int64: ReaderItem] = [:]
        for item in found where allowed?.contains(item.entry.feedID) ?? true { byID[item.entry.id] = item }
        var seen = Set<Int64>()
        return ids.compactMap { seen.insert($0).inserted ? byID[$0] : nil }
    }

    /// `unread-count`: per feed (entries), per label (sum of its feeds) and the reading list (stories).
    func unreadCount(_ call: Call) async throws -> Response {
        let view = APIContext.view(call.user)
        let counts = try await api.store.readerUnreadCounts(view)
        let subscriptions = try await api.store.subscriptions(userID: call.user.id)
        let followed = Set(subscriptions.map(\.feedID))
        var list: [[String: Any]] = []
        var labels: [String: (count: Int, newest: Date)] = [:]
        for count in counts where followed.contains(count.feedID) {
            list.append(["id": GReaderStream.feedID(count.feedID), "count": count.count,
                         "newestItemTimestampUsec": Self.usec(count.newest)])
            for tag in subscriptions.first(where: { $0.feedID == count.feedID })?.tags ?? [] {
                let old = labels[tag] ?? (0, .distantPast)
                labels[tag] = (old.count + count.count, max(old.newest, count.newest))
            }
        }
        for (tag, value) in labels.sorted(by: { $0.key < $1.key }) {
            list.append(["id": GReaderStream.labelID(tag), "count": value.count, "newestItemTimestampUsec": Self.usec(value.newest)])
        }
        var unreadView = view
        unreadView.filter = .unread
        let total = try await api.store.readerItemCount(ReaderItemQuery(reader: unreadView, scope: .stories(feedIDs: nil)))
        list.append(["id": GReaderStream.readingListID, "count": total,
                     "newestItemTimestampUsec": Self.usec(counts.map(\.newest).max() ?? Date(timeIntervalSince1970: 0))])
        return APIResponse.json(["max": total, "unreadcounts": list])
    }

    static func usec(_ date: Date) -> String { String(Int64(date.timeIntervalSince1970 * 1_000_000)) }
}
