import Foundation
import Hummingbird
import Storage
import SyndicCore

/// The Fever API at FreshRSS's path, `/api/fever.php?api`: the app POSTs `api_key`, the md5 of
/// `NAME:API-PASSWORD` (`syndic users passwd NAME --fever` sets it; only that key is stored), and
/// asks for `groups`, `feeds`, `items` (`since_id`, `max_id`, `with_ids`; 50 per call),
/// `unread_item_ids`, `saved_item_ids`, `favicons`, `links`, or sends `mark=item|feed|group` with
/// `as=read|unread|saved|unsaved`, `id=` and `before=`. A wrong key answers `auth: 0`.
///
/// Items are entries (each feed keeps its own); read and saved are their stories' state, so
/// reading one copy reads the others. Groups are the user's labels, with stable ids from their names.
struct FeverRoutes: Sendable {
    let api: APIContext
    static let path = "/api/fever.php"
    static let itemsPerCall = 50

    func register(on router: Router<WebRequestContext>) {
        router.get(RouterPath(Self.path)) { request, context in try await self.handle(request, context) }
        router.post(RouterPath(Self.path)) { request, context in try await self.handle(request, context) }
    }

    private func handle(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await api.answer {
            let form = try await APIForm.read(request)
            guard form.has("api") else {
                throw ReaderAPIError.badRequest("Fever requests go to /api/fever.php?api with api_key=md5(NAME:API-PASSWORD).")
            }
            let address = context.clientAddress
            try api.checkLimit(address)
            let now = Int64(api.clock().timeIntervalSince1970)
            var body: [String: Any] = ["api_version": 3, "auth": 0]
            guard let key = form.first("api_key")?.lowercased(), key.utf8.count == 32,
                  key.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
                  let user = try await api.store.user(feverKey: key)
            else {
                api.failed(address)
                return APIResponse.json(body)
            }
            body["auth"] = 1
            body["last_refreshed_on_time"] = now
            if form.has("mark") { try await mark(form, user) }
            let subscriptions = try await api.store.subscriptions(userID: user.id)
            if form.has("groups") || form.has("feeds") { body["feeds_groups"] = Self.feedsGroups(subscriptions) }
            if form.has("groups") {
                body["groups"] = Self.groups(subscriptions).map { ["id": $0.id, "title": $0.title] }
            }
            if form.has("feeds") {
                var feeds: [Int64: Feed] = [:]
                for listing in try await api.store.listFeeds() { feeds[listing.feed.id] = listing.feed }
                body["feeds"] = subscriptions.sorted { $0.feedID < $1.feedID }.map { s -> [String: Any] in
                    let feed = feeds[s.feedID]
                    return ["id": s.feedID, "favicon_id": 0, "title": s.title ?? s.feedURL, "url": s.feedURL,
                            "site_url": feed?.siteURL ?? s.feedURL, "is_spark": 0,
                            "last_updated_on_time": Int64((feed?.lastSuccessAt ?? s.addedAt).timeIntervalSince1970)]
                }
            }
            if form.has("items") { try await items(form, user, into: &body) }
            if form.has("unread_item_ids") {
                body["unread_item_ids"] = try await ids(ReaderView(user: user, filter: .unread))
            }
            if form.has("saved_item_ids") {
                body["saved_item_ids"] = try await ids(ReaderView(user: user, starredOnly: true))
            }
            if form.has("favicons") { body["favicons"] = [[String: Any]]() }
            if form.has("links") { body["links"] = [[String: Any]]() }
            return APIResponse.json(body)
        }
    }

    /// A group per label, its id a stable hash of the label's name (so it survives other labels coming and going).
    static func groups(_ subscriptions: [UserSubscription]) -> [(id: Int64, title: String)] {
        Set(subscriptions.flatMap(\.tags)).sorted().map { (groupID($0), $0) }
    }

    static func groupID(_ label: String) -> Int64 {
        Int64(FNV1a64.hash(label.lowercased()) & 0x7FFF_FFFF) | 1
    }

    static func feedsGroups(_ subscriptions: [UserSubscription]) -> [[String: Any]] {
        groups(subscriptions).map { group in
            let ids = subscriptions.filter { $0.tags.contains(group.title) }.map { String($0.feedID) }
            return ["group_id": group.id, "feed_ids": ids.joined(separator: ",")]
        }
    }

    private func ids(_ view: ReaderView) async throws -> String {
        try await api.store.readerItemRefs(ReaderItemQuery(reader: view, scope: .entries(feedIDs: nil), order: .idAscending))
            .map { String($0.entryID) }.joined(separator: ",")
    }

    private func items(_ form: APIForm, _ user: User, into body: inout [String: Any]) async throws {
        let view = ReaderView(user: user)
        let streams = GReaderStreams(api: api)
        let found: [ReaderItem]
        if let list = form.first("with_ids"), !list.isEmpty {
            let ids = try list.split(separator: ",").map { text -> Int64 in
                guard let id = Int64(text.trimmingCharacters(in: .whitespaces)), id > 0 else {
                    throw ReaderAPIError.badRequest("with_ids must be item ids separated by commas, not \u{201C}\(text.prefix(40))\u{201D}.")
                }
                return id
            }
            guard ids.count <= Self.itemsPerCall else { throw ReaderAPIError.badRequest("with_ids takes at most \(Self.itemsPerCall) ids per call.") }
            found = try await streams.items(ids, user)
        } else {
            var query = ReaderItemQuery(reader: view, scope: .entries(feedIDs: nil), order: .idDescending, limit: Self.itemsPerCall)
            if let since = try form.int("since_id", in: 0...Int64.max) { query.order = .idAscending; query.idAbove = since }
            if let max = try form.int("max_id", in: 0...Int64.max), max > 0 { query.idBelow = max }
            found = try await streams.items(try await api.store.readerItemRefs(query).map(\.entryID), user)
        }
        body["items"] = found.map { item -> [String: Any] in
            ["id": item.entry.id, "feed_id": item.entry.feedID, "title": item.entry.title ?? "(untitled)",
             "author": item.entry.author ?? "", "html": GReaderItemJSON.content(item), "url": item.entry.url ?? "",
             "is_saved": item.isStarred ? 1 : 0, "is_read": item.isRead ? 1 : 0,
             "created_on_time": Int64(item.published.timeIntervalSince1970)]
        }
        body["total_items"] = try await api.store.readerItemCount(ReaderItemQuery(reader: view, scope: .entries(feedIDs: nil)))
    }

    /// `mark=item|feed|group`, `as=read|unread|saved|unsaved`, `id=`, `before=` (feeds and groups:
    /// only items older than that Unix time).
    private func mark(_ form: APIForm, _ user: User) async throws {
        let kind = form.first("mark") ?? ""
        let state = form.first("as") ?? ""
        guard let id = try form.int("id", in: -1...Int64.max) else { throw ReaderAPIError.badRequest("mark needs id=.") }
        let now = api.clock()
        switch kind {
        case "item":
            guard id > 0 else { throw ReaderAPIError.badRequest("mark=item needs a positive id=.") }
            let items = try await GReaderStreams(api: api).items([id], user)
            switch state {
            case "read", "unread":
                try await api.store.markEntries(userID: user.id, entryIDs: items.map(\.entry.id), read: state == "read", now: now)
            case "saved", "unsaved":
                try await api.store.starStories(userID: user.id, storyIDs: items.compactMap(\.entry.storyID), starred: state == "saved", now: now)
            default: throw ReaderAPIError.badRequest("as=\(state.prefix(20)) is not a state: use read, unread, saved or unsaved.")
            }
        case "feed", "group":
            guard state == "read" else { throw ReaderAPIError.badRequest("mark=\(kind) takes as=read only.") }
            let subscriptions = try await api.store.subscriptions(userID: user.id)
            let feedIDs: [Int64]
            if kind == "feed" {
                guard subscriptions.contains(where: { $0.feedID == id }) else { throw ReaderAPIError.badRequest("No feed \(id): see ?api&feeds.") }
                feedIDs = [id]
            } else if id <= 0 {
                feedIDs = subscriptions.map(\.feedID)
            } else {
                guard let group = Self.groups(subscriptions).first(where: { $0.id == id }) else {
                    throw ReaderAPIError.badRequest("No group \(id): see ?api&groups.")
                }
                feedIDs = subscriptions.filter { $0.tags.contains(group.title) }.map(\.feedID)
            }
            let before = try form.int("before", in: 0...32_503_680_000).map { Date(timeIntervalSince1970: Double($0)) }
            let refs = try await api.store.readerItemRefs(ReaderItemQuery(reader: ReaderView(user: user, filter: .unread),
                                                                            scope: .entries(feedIDs: feedIDs), olderThan: before))
            try await api.store.markEntries(userID: user.id, entryIDs: refs.map(\.entryID), read: true, now: now)
        default:
            throw ReaderAPIError.badRequest("mark=\(kind.prefix(20)) is not a kind: use item, feed or group.")
        }
    }
}
