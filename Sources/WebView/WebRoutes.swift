import Digest
import Foundation
import Hummingbird
import Storage
import SyndicCore

/// The GET routes of the web view. Each handler reads the database and renders with ``Pages``
/// or a ``DigestFormat``; none writes.
struct WebRoutes: Sendable {
    let database: any WebServer.Store
    let clock: @Sendable () -> Date
    /// The root of every absolute link (never the request's Host).
    let address: PublicAddress
    /// The reader whose unread stories the listing puts first (the default user for `syndic serve`).
    var reader: ReaderView? = nil
    /// Rendered listings by ETag (one rendering per state of the data).
    let cache = RenderCache()

    /// The digest formats served, by path.
    static let digestPaths: [(path: String, format: DigestFormat)] = [
        ("/digest.atom", .atom), ("/digest.rss", .rss), ("/digest.json", .jsonfeed), ("/digest.html", .html), ("/digest.md", .markdown),
    ]

    func register(on router: Router<WebRequestContext>) {
        read(router, "/") { request, _ in try await self.stories(request) }
        read(router, "/story/{id}") { _, context in try await self.story(context.parameters.get("id") ?? "") }
        read(router, "/feeds") { request, _ in try await self.feeds(request) }
        read(router, "/healthz") { _, _ in try await self.health() }
        for (path, format) in Self.digestPaths {
            read(router, path) { request, _ in try await self.digest(request, format: format) }
        }
    }

    /// Registers a read-only route for GET and HEAD (feed readers and link checkers send HEAD).
    private func read(_ router: Router<WebRequestContext>, _ path: String,
                      _ handler: @escaping @Sendable (Request, WebRequestContext) async throws -> Response) {
        router.get(RouterPath(path), use: handler)
        router.head(RouterPath(path), use: handler)
    }

    /// `/`: answers 304 when `If-None-Match` carries the validator of the selection (see ``validator``).
    func stories(_ request: Request) async throws -> Response {
        let params = request.uri.queryParameters
        let sinceText = params["since"].map(String.init) ?? "7d"
        let minSources = try WebQuery.positiveInt(params["min-sources"], name: "min-sources") ?? 1
        let limit = try WebQuery.positiveInt(params["limit"], name: "limit") ?? 200
        let since = try WebQuery.time(sinceText, now: clock())
        let tag = WebQuery.tag(params["tag"])
        let feedIDs = try await feedIDs(tagged: tag)
        let query = StoryQuery(since: since, minSources: minSources, limit: limit, feedIDs: feedIDs,
                               reader: reader.map { ReaderView(userID: $0.userID, reopen: $0.reopen, subscribedOnly: $0.subscribedOnly,
                                                               unreadFirst: true) })
        let etag = try await validator(query, route: "/", options: [sinceText, String(minSources), String(limit), tag ?? "", Self.key(feedIDs)])
        if let notModified = Self.notModified(request, etag) { return notModified }
        let body = try await cache.body(for: etag) { [database] in
            let stories = try await database.storyDetails(query)
            return ByteBuffer(string: Pages.stories(stories.map(DigestItem.init), since: sinceText, minSources: minSources, limit: limit, tag: tag))
        }
        return Self.validated(body, etag: etag, contentType: "text/html; charset=utf-8")
    }

    func story(_ idText: String) async throws -> Response {
        guard let id = Int64(idText) else { throw HTTPError(.notFound, message: "Story ids are numbers.") }
        return Pages.html(Pages.story(try await database.story(id: id)))
    }

    /// `/feeds`: answers 304 when `If-None-Match` carries the validator of the feeds as shown now
    /// (``FeedsStamp``: one aggregate query), and renders once per state of the feeds.
    func feeds(_ request: Request) async throws -> Response {
        let now = clock()
        let stamp = try await database.feedsStamp(now: now)
        let etag = ETag.of([SyndicVersion.current, "/feeds", stamp.token])
        if let notModified = Self.notModified(request, etag) { return notModified }
        let body = try await cache.body(for: etag) { [database] in
            ByteBuffer(string: Pages.feeds(try await database.listFeeds(), now: now))
        }
        return Self.validated(body, etag: etag, contentType: "text/html; charset=utf-8")
    }

    /// `?tag=X`: the feeds tagged X (none when no feed is: an empty listing, not every story).
    private func feedIDs(tagged tag: String?) async throws -> [Int64]? {
        guard let tag else { return nil }
        return try await database.feedIDs(tagged: tag)
    }

    func health() async throws -> Response {
        _ = try await database.storyCount()
        return Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
    }

    /// A digest in `format` with the `digest` command's options as query parameters (at most
    /// ``DigestDocument/defaultStoryLimit`` stories unless `limit` says otherwise); answers 304 Not
    /// Modified when `If-None-Match` carries the validator of the selection, before reading a story.
    func digest(_ request: Request, format: DigestFormat) async throws -> Response {
        let params = request.uri.queryParameters
        let now = clock()
        let query = StoryQuery(since: try WebQuery.time(params["since"].map(String.init) ?? "24h", now: now),
                               until: try params["until"].flatMap { try WebQuery.time(String($0), now: now) },
                               minSources: try WebQuery.positiveInt(params["min-sources"], name: "min-sources") ?? 1,
                               limit: try WebQuery.positiveInt(params["limit"], name: "limit") ?? DigestDocument.defaultStoryLimit,
                               feedIDs: try await feedIDs(tagged: WebQuery.tag(params["tag"])))
        let options = WebQuery.digestOptions.compactMap { name in params[name].map { (String(name), String($0)) } }
        let selfURL = address.url(path: request.uri.path, query: options)
        let tag = try await validator(query, route: request.uri.path + " " + (selfURL ?? ""),
                                      options: options.map { "\($0)=\($1)" } + [Self.key(query.feedIDs)])
        if let notModified = Self.notModified(request, tag) { return notModified }
        let title = params["title"].map(String.init) ?? "Syndic digest"
        let body = try await cache.body(for: tag) { [database, address] in
            let document = DigestDocument(title: title, selfURL: selfURL, homeURL: address.root,
                                          identity: DigestIdentity(try await database.instance()),
                                          stories: try await database.storyDetails(query))
            return ByteBuffer(string: format.render(document))
        }
        return Self.validated(body, etag: tag, contentType: format.mediaType)
    }

    /// The ETag of a listing: derived from the data (``StoryStamp``: one aggregate query) and the
    /// request's options, never from a rendered body, so checking it costs the same for 10 stories
    /// or 10,000. The software version is part of it: an upgrade may render the same data differently.
    func validator(_ query: StoryQuery, route: String, options: [String]) async throws -> String {
        let stamp = try await database.storyStamp(query)
        return ETag.of([SyndicVersion.current, route, stamp.token] + options)
    }

    /// The feeds a tag filter selected, as part of a validator (a tag's feeds change with `feeds edit`).
    static func key(_ feedIDs: [Int64]?) -> String {
        feedIDs.map { "feeds=" + $0.map(String.init).joined(separator: ",") } ?? ""
    }

    /// A 200 answer of a listing with its validator (clients revalidate each time: `no-cache`).
    static func validated(_ body: ByteBuffer, etag: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "no-cache", .eTag: etag], body: .init(byteBuffer: body))
    }

    /// 304 Not Modified (with the tag) when the request's `If-None-Match` carries `tag`.
    static func notModified(_ request: Request, _ tag: String) -> Response? {
        guard ETag.matches(request.headers[.ifNoneMatch], tag) else { return nil }
        return Response(status: .notModified, headers: [.eTag: tag, .cacheControl: "no-cache"])
    }
}

/// Query parameters, checked.
enum WebQuery {
    /// The digest routes' options, in the order a self link lists them (other parameters are left out of it).
    static let digestOptions: [Substring] = ["since", "until", "min-sources", "limit", "tag", "title"]

    /// `?tag=X`, nil when absent or empty.
    static func tag(_ text: Substring?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return String(text)
    }

    static func time(_ text: String, now: Date) throws -> Date? {
        do {
            return try TimeArgument.parse(text, now: now)
        } catch let error as DigestError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }

    static func positiveInt(_ text: Substring?, name: String) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text), value >= 1, value <= 100_000 else {
            throw HTTPError(.badRequest, message: "\(name) must be a whole number from 1 to 100000.")
        }
        return value
    }
}
