import Foundation
import Hummingbird
import Storage
import SyndicCore

/// The state-changing endpoints of the Google Reader API: `edit-tag`, `mark-all-as-read`,
/// `subscription/edit` and `subscription/quickadd` (POST, with the `T` token).
struct GReaderEdits: Sendable {
    typealias Call = GReaderRoutes.Call
    let api: APIContext

    /// `edit-tag`: `i=` repeated; `a=`/`r=` read (also `kept-unread`, the opposite), starred and
    /// labels (`user/-/label/NAME`). All three are the story's: marking one copy marks every copy.
    func editTag(_ call: Call) async throws -> Response {
        let ids = try call.form.all("i").map(GReaderItemID.parse)
        guard !ids.isEmpty else { throw ReaderAPIError.badRequest("edit-tag needs i=ITEM-ID, once per item.") }
        guard ids.count <= 10_000 else { throw ReaderAPIError.badRequest("At most 10000 items per edit-tag request.") }
        let adds = try call.form.all("a").filter { !$0.isEmpty }.map(Self.tag)
        let removes = try call.form.all("r").filter { !$0.isEmpty }.map(Self.tag)
        guard !adds.isEmpty || !removes.isEmpty else {
            throw ReaderAPIError.badRequest("edit-tag needs a=TAG or r=TAG (\(GReaderStream.readID) or \(GReaderStream.starredID)).")
        }
        let items = try await GReaderStreams(api: api).items(ids, call.user)
        let entryIDs = items.map(\.entry.id)
        let storyIDs = Array(Set(items.compactMap(\.entry.storyID))).sorted()
        let now = api.clock()
        for (tag, on) in adds.map({ ($0, true) }) + removes.map({ ($0, false) }) {
            switch tag {
            case .read: try await api.store.markEntries(userID: call.user.id, entryIDs: entryIDs, read: on, now: now)
            case .keptUnread: if on { try await api.store.markEntries(userID: call.user.id, entryIDs: entryIDs, read: false, now: now) }
            case .starred: try await api.store.starStories(userID: call.user.id, storyIDs: storyIDs, starred: on, now: now)
            case .label(let name): try await api.store.labelStories(userID: call.user.id, storyIDs: storyIDs, label: name, labelled: on, now: now)
            case .ignored: break
            }
        }
        return APIResponse.text("OK")
    }

    enum ItemTag { case read, keptUnread, starred, label(String), ignored }

    static func tag(_ text: String) throws -> ItemTag {
        let state = text.replacingOccurrences(of: #"^user/[0-9-]+/state/com\.google/"#, with: "", options: .regularExpression)
        switch state {
        case "read": return .read
        case "kept-unread": return .keptUnread
        case "starred": return .starred
        case "tracking-kept-unread", "tracking-item-link-used", "tracking-body-link-used", "tracking-emailed", "fresh": return .ignored
        default:
            if text.contains("/label/") { return .label(try label(text)) }
            throw ReaderAPIError.badRequest("Unknown tag \u{201C}\(text.prefix(80))\u{201D}: use \(GReaderStream.readID), \(GReaderStream.starredID) or …/kept-unread.")
        }
    }

    /// `mark-all-as-read`: `s=STREAM`, optional `ts=` (microseconds: only items older than it).
    func markAllAsRead(_ call: Call) async throws -> Response {
        guard let stream = call.form.first("s"), !stream.isEmpty else {
            throw ReaderAPIError.badRequest("mark-all-as-read needs s=STREAM.")
        }
        var selection = try await GReaderStreams(api: api).select(stream, call)
        selection.query.limit = nil
        selection.query.after = nil
        selection.query.reader.filter = .unread
        if let ts = try call.form.int("ts", in: 0...Int64.max / 2) {
            selection.query.olderThan = Date(timeIntervalSince1970: Double(ts) / 1_000_000)
        }
        let refs = try await api.store.readerItemRefs(selection.query)
        try await api.store.markEntries(userID: call.user.id, entryIDs: refs.map(\.entryID), read: true, now: api.clock())
        return APIResponse.text("OK")
    }

    /// `subscription/quickadd`: `quickadd=URL` (or `feed/URL`).
    func quickAdd(_ call: Call) async throws -> Response {
        guard let text = call.form.first("quickadd"), !text.isEmpty else {
            throw ReaderAPIError.badRequest("subscription/quickadd needs quickadd=FEED-URL.")
        }
        let feed = try await subscribe(url: text.hasPrefix("feed/") ? String(text.dropFirst(5)) : text, title: nil, add: [], call.user)
        return APIResponse.json(["numResults": 1, "query": text, "streamId": GReaderStream.feedID(feed.id), "streamName": feed.title ?? feed.url])
    }

    /// `subscription/edit`: `ac=subscribe|unsubscribe|edit`, `s=` repeated, `t=` title, `a=`/`r=` labels.
    func subscriptionEdit(_ call: Call) async throws -> Response {
        let form = call.form
        let streams = form.all("s").filter { !$0.isEmpty }
        guard !streams.isEmpty else { throw ReaderAPIError.badRequest("subscription/edit needs s=feed/URL (or feed/ID).") }
        let add = try form.all("a").filter { !$0.isEmpty }.map(Self.label)
        let remove = try form.all("r").filter { !$0.isEmpty }.map(Self.label)
        let title = form.first("t").flatMap { $0.isEmpty ? nil : $0 }
        let action = form.first("ac") ?? "edit"
        for stream in streams {
            guard case .feed(let key) = try GReaderStream.parse(stream) else {
                throw ReaderAPIError.badRequest("s=\(stream.prefix(80)) is not a feed: subscription/edit takes s=feed/URL or feed/ID.")
            }
            switch action {
            case "subscribe":
                _ = try await subscribe(url: key, title: title, add: add, call.user)
            case "unsubscribe":
                let id = try await GReaderStreams(api: api).feed(key, call.user)
                if call.user.isDefault { try await api.store.removeFeed(id: id) } else { try await api.store.unsubscribe(userID: call.user.id, feedID: id) }
            case "edit":
                let id = try await GReaderStreams(api: api).feed(key, call.user)
                try await edit(feedID: id, title: title, add: add, remove: remove, call.user)
            default:
                throw ReaderAPIError.badRequest("ac=\(action.prefix(20)) is not an action: use subscribe, unsubscribe or edit.")
            }
        }
        return APIResponse.text("OK")
    }

    /// A label name from `user/-/label/NAME` (or a bare name, as some clients send).
    static func label(_ text: String) throws -> String {
        var name = text
        if case .label(let parsed)? = try? GReaderStream.parse(text) {
            name = parsed
        } else if text.contains("/") {
            throw ReaderAPIError.badRequest("\u{201C}\(text.prefix(80))\u{201D} is not a label: use user/-/label/NAME.")
        }
        guard (1...200).contains(name.count), !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw ReaderAPIError.badRequest("A label is 1 to 200 characters without control characters.")
        }
        return name
    }

    /// Subscribes the user to a URL (adding the shared feed when new) with a title and labels.
    func subscribe(url text: String, title: String?, add: [String], _ user: User) async throws -> Feed {
        let url: String
        do { url = try URLNormalizer.normalize(text) } catch {
            throw ReaderAPIError.badRequest("\u{201C}\(text.prefix(120))\u{201D} is not a feed URL (http or https).")
        }
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
            throw ReaderAPIError.badRequest("Only http and https feeds can be subscribed through the API.")
        }
        let feed: Feed
        switch try await api.store.addFeeds([(url, title, add)], now: api.clock())[0] {
        case .added(let f): feed = f
        case .alreadyPresent(let f): feed = f
        }
        if user.isDefault {
            try await edit(feedID: feed.id, title: title, add: add, remove: [], user)
        } else {
            let existing = try await api.store.subscriptions(userID: user.id).first { $0.feedID == feed.id }
            let tags = Self.merged(existing?.tags ?? [], add: add, remove: [])
            try await api.store.subscribe(userID: user.id, feedID: feed.id, title: title ?? existing?.title, tags: tags, now: api.clock())
        }
        return try await api.store.feed(id: feed.id) ?? feed
    }

    func edit(feedID: Int64, title: String?, add: [String], remove: [String], _ user: User) async throws {
        if user.isDefault {
            guard var feed = try await api.store.feed(id: feedID) else { return }
            if let title { feed.title = title }
            feed.tags = Self.merged(feed.tags, add: add, remove: remove)
            try await api.store.updateFeed(feed)
        } else {
            guard let existing = try await api.store.subscriptions(userID: user.id).first(where: { $0.feedID == feedID }) else { return }
            try await api.store.subscribe(userID: user.id, feedID: feedID, title: title ?? existing.title,
                                          tags: Self.merged(existing.tags, add: add, remove: remove), now: api.clock())
        }
    }

    static func merged(_ tags: [String], add: [String], remove: [String]) -> [String] {
        var out = tags.filter { tag in !remove.contains { $0.lowercased() == tag.lowercased() } }
        for tag in add where !out.contains(where: { $0.lowercased() == tag.lowercased() }) { out.append(tag) }
        return out
    }
}
