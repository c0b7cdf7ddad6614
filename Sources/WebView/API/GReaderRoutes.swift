import Credentials
import Foundation
import Hummingbird
import Storage
import SyndicCore

/// The Google Reader API at FreshRSS's layout, `/api/greader.php/…`, so apps that know FreshRSS
/// (NetNewsWire, Reeder, ReadYou, FeedMe, newsboat, Fluent Reader) connect by choosing "FreshRSS"
/// or "Google Reader API" with the server URL `http://HOST:PORT/api/greader.php`.
///
/// Endpoints: `accounts/ClientLogin`, and under `reader/api/0/`: `token`, `user-info`,
/// `subscription/list|edit|quickadd`, `tag/list`, `unread-count`, `stream/contents/STREAM`,
/// `stream/items/ids`, `stream/items/contents`, `edit-tag`, `mark-all-as-read`; and `reader/atom/STREAM`
/// (the stream as Google Reader's Atom, for newsboat's FeedHQ mode and others). Every one but
/// ClientLogin needs `Authorization: GoogleLogin auth=TOKEN`; POSTs that change state need the `T`
/// token too (the auth token itself is accepted there, as FreshRSS does).
struct GReaderRoutes: Sendable {
    let api: APIContext
    static let root = "/api/greader.php"

    func register(on router: Router<WebRequestContext>) {
        for path in [Self.root, Self.root + "/**"] {
            router.get(RouterPath(path)) { request, context in try await self.dispatch(request, context) }
            router.post(RouterPath(path)) { request, context in try await self.dispatch(request, context) }
        }
    }

    /// A signed-in request: the user, the form and whether the action token checked out.
    struct Call {
        var user: User
        var form: APIForm
        var authToken: String
        var isPost: Bool
    }

    private func dispatch(_ request: Request, _ context: WebRequestContext) async throws -> Response {
        try await api.answer {
            let raw = String(request.uri.path.dropFirst(Self.root.count))
            let path = raw.removingPercentEncoding ?? raw
            let form = try await APIForm.read(request)
            if path == "/accounts/ClientLogin" { return try await clientLogin(form, address: context.clientAddress) }
            if path == "" || path == "/" { return APIResponse.text("OK\n") }
            let prefix = "/reader/api/0/", atom = "/reader/atom/"
            guard path.hasPrefix(prefix) || path.hasPrefix(atom) else { throw ReaderAPIError.unknownEndpoint(path) }
            let call = try await signIn(request, form: form, address: context.clientAddress)
            if path.hasPrefix(atom) { return try await GReaderStreams(api: api).atom(String(path.dropFirst(atom.count)), call) }
            let endpoint = String(path.dropFirst(prefix.count))
            return try await route(endpoint, call)
        }
    }

    private func route(_ endpoint: String, _ call: Call) async throws -> Response {
        let streams = GReaderStreams(api: api)
        let edits = GReaderEdits(api: api)
        switch endpoint {
        case "token": return APIResponse.text(Self.actionToken(call.authToken) + "\n")
        case "user-info": return userInfo(call.user)
        case "subscription/list": return try await subscriptionList(call.user)
        case "tag/list": return try await tagList(call.user)
        case "unread-count": return try await streams.unreadCount(call)
        case "stream/items/ids": return try await streams.itemIDs(call)
        case "stream/items/contents": return try await streams.itemContents(call)
        case "subscription/edit": try checkAction(call); return try await edits.subscriptionEdit(call)
        case "subscription/quickadd": try checkAction(call); return try await edits.quickAdd(call)
        case "edit-tag": try checkAction(call); return try await edits.editTag(call)
        case "mark-all-as-read": try checkAction(call); return try await edits.markAllAsRead(call)
        default:
            let contents = "stream/contents"
            if endpoint == contents { return try await streams.contents(GReaderStream.readingListID, call) }
            if endpoint.hasPrefix(contents + "/") { return try await streams.contents(String(endpoint.dropFirst(contents.count + 1)), call) }
            throw ReaderAPIError.unknownEndpoint(Self.root + "/reader/api/0/" + endpoint)
        }
    }

    /// `accounts/ClientLogin` (Email, Passwd; GET or POST): the account password or a token of
    /// the user. A password login makes a new token (listed by `syndic users tokens list` as
    /// `ClientLogin`); a token login answers with that token.
    private func clientLogin(_ form: APIForm, address: String) async throws -> Response {
        try api.checkLimit(address)
        guard let name = form.first("Email"), let password = form.first("Passwd"), !name.isEmpty, !password.isEmpty else {
            throw ReaderAPIError.badRequest("ClientLogin needs Email (the Syndic user name) and Passwd.")
        }
        guard let user = try await api.store.user(named: name.lowercased()) else {
            api.failed(address); throw ReaderAPIError.badLogin
        }
        let token: String
        if APITokenSecret.isWellFormed(password) {
            guard let owner = try await api.store.user(tokenHash: APITokenSecret.hash(password)), owner.id == user.id else {
                api.failed(address); throw ReaderAPIError.badLogin
            }
            token = password
        } else {
            guard let hash = user.passwordHash, await APIContext.verify(password, against: hash) else {
                api.failed(address); throw ReaderAPIError.badLogin
            }
            let made = APITokenSecret.make()
            _ = try await api.store.addToken(userID: user.id, label: "ClientLogin", tokenHash: made.hash, now: api.clock())
            token = made.token
        }
        let auth = "\(user.name)/\(token)"
        return APIResponse.text("SID=\(auth)\nLSID=null\nAuth=\(auth)\n")
    }

    /// The user of the request's `Authorization: GoogleLogin auth=…` header (FreshRSS also takes it
    /// as a query parameter `Auth`, for clients that cannot set headers).
    private func signIn(_ request: Request, form: APIForm, address: String) async throws -> Call {
        try api.checkLimit(address)
        var token: String?
        if let header = request.headers[.authorization], let range = header.range(of: "auth=", options: .caseInsensitive) {
            token = String(header[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        if token == nil { token = form.first("Auth") }
        guard let token, !token.isEmpty else { throw ReaderAPIError.unauthorized }
        guard let user = try await api.user(token: token) else { api.failed(address); throw ReaderAPIError.unauthorized }
        return Call(user: user, form: form, authToken: token, isPost: request.method == .post)
    }

    /// The `T` token of an auth token: derived from its hash, so nothing more is stored and revoking
    /// the token revokes it.
    static func actionToken(_ authToken: String) -> String {
        let bare = authToken.split(separator: "/").last.map(String.init) ?? authToken
        return String(APITokenSecret.hash("action:" + APITokenSecret.hash(bare)).prefix(57))
    }

    /// State changes come by POST with `T` (the action token, or the auth token itself).
    private func checkAction(_ call: Call) throws {
        guard call.isPost else { throw ReaderAPIError.badRequest("This endpoint changes state: send it as a POST form.") }
        // newsboat sends the token with the newline `token` answers (FreshRSS trims it too).
        guard let t = call.form.first("T")?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty,
              ConstantTime.equal(t, Self.actionToken(call.authToken)) || ConstantTime.equal(t, call.authToken)
                || ConstantTime.equal(t, String(call.authToken.split(separator: "/").last ?? ""))
        else { throw ReaderAPIError.badActionToken }
    }

    private func userInfo(_ user: User) -> Response {
        APIResponse.json(["userId": String(user.id), "userName": user.name, "userProfileId": String(user.id), "userEmail": ""])
    }

    private func subscriptionList(_ user: User) async throws -> Response {
        let subscriptions = try await api.store.subscriptions(userID: user.id)
        var sites: [Int64: String] = [:]
        for feed in try await api.store.listFeeds() { sites[feed.feed.id] = feed.feed.siteURL }
        let list: [[String: Any]] = subscriptions.sorted { $0.feedID < $1.feedID }.map { s in
            ["id": GReaderStream.feedID(s.feedID), "title": s.title ?? s.feedURL,
             "categories": s.tags.map { ["id": GReaderStream.labelID($0), "label": $0] },
             "url": s.feedURL, "htmlUrl": sites[s.feedID] ?? s.feedURL, "iconUrl": "",
             "firstitemmsec": String(Int64(s.addedAt.timeIntervalSince1970 * 1000))]
        }
        return APIResponse.json(["subscriptions": list])
    }

    private func tagList(_ user: User) async throws -> Response {
        let tags = Set(try await api.store.subscriptions(userID: user.id).flatMap(\.tags)).sorted()
        // Folders are labels on subscriptions; tags are the user's labels on stories (FreshRSS's two kinds).
        let storyLabels = try await api.store.storyLabelNames(userID: user.id).map(\.label).filter { !tags.contains($0) }
        let list: [[String: Any]] = [["id": GReaderStream.starredID]]
            + tags.map { ["id": GReaderStream.labelID($0), "type": "folder"] }
            + storyLabels.map { ["id": GReaderStream.labelID($0), "type": "tag"] }
        return APIResponse.json(["tags": list])
    }
}
