import Credentials
import Foundation
import Hummingbird
import Storage

/// The reader APIs `syndic serve` offers apps: the Google Reader API at FreshRSS's path
/// (`/api/greader.php/…`, ``GReaderRoutes``) and the Fever API (`/api/fever.php?api`,
/// ``FeverRoutes``). Both read and write one user's state in the store; who is asking comes from a
/// token (Google Reader) or the user's Fever key.
public enum ReaderAPI {
    /// What the APIs read and write.
    public typealias Store = UserStore & SubscriptionStore & ReadStateStore & ReaderItemStore & FeedStore

    /// Whether the APIs answer, decided when the server starts (``Availability/decide(users:host:selfURL:insecureHTTP:)``)
    /// and, while no user exists, again as requests come (``Recheck``).
    public enum Availability: Sendable, Equatable {
        case on
        /// No user with a password or Fever key: every API path answers 404 with how to add one.
        case noUsers
        /// A non-loopback address without TLS: every API path answers 403 with the choices.
        case insecure(host: String)

        /// On when some user can log in, and the address is loopback, the public URL is https, or
        /// `insecureHTTP` accepts plain HTTP.
        public static func decide(users: [User], host: String, selfURL: String?, insecureHTTP: Bool) -> Availability {
            guard users.contains(where: { $0.passwordHash != nil || $0.feverKey != nil }) else { return .noUsers }
            if WebServer.isLoopback(host) || insecureHTTP || selfURL?.lowercased().hasPrefix("https://") == true { return .on }
            return .insecure(host: host)
        }

        var error: ReaderAPIError? {
            switch self {
            case .on: return nil
            case .noUsers: return .disabled
            case .insecure(let host): return .insecure(host: host)
            }
        }
    }

    /// The store (opened for writing) and whether the APIs answer.
    public struct Settings: Sendable {
        public var store: any Store
        public var availability: Availability
        /// Failed logins allowed per address per minute.
        public var loginFailuresPerMinute: Int
        /// While the APIs are off for want of a user: how to decide again from the users there are
        /// now, and how to open the store for writing once they come on. Nil: decided for good.
        public var recheck: Recheck?

        public init(store: any Store, availability: Availability, loginFailuresPerMinute: Int = 5, recheck: Recheck? = nil) {
            self.store = store; self.availability = availability; self.loginFailuresPerMinute = loginFailuresPerMinute
            self.recheck = recheck
        }
    }

    /// How a server started without users turns the APIs on when the first user is added
    /// (`syndic users add` while `serve` runs): at most once a second, a request looks at the users.
    public struct Recheck: Sendable {
        public var decide: @Sendable ([User]) -> Availability
        public var openForWriting: @Sendable () async throws -> any Store

        public init(decide: @escaping @Sendable ([User]) -> Availability, openForWriting: @escaping @Sendable () async throws -> any Store) {
            self.decide = decide; self.openForWriting = openForWriting
        }
    }

    /// Registers both APIs' routes.
    static func register(on router: Router<WebRequestContext>, settings: Settings, clock: @escaping @Sendable () -> Date) {
        let context = APIContext(gate: APIGate(store: settings.store, availability: settings.availability, recheck: settings.recheck),
                                 limiter: LoginRateLimiter(maxFailures: settings.loginFailuresPerMinute), clock: clock)
        GReaderRoutes(api: context).register(on: router)
        FeverRoutes(api: context).register(on: router)
    }
}

/// What every API handler shares: the store and availability (``APIGate``), the login limiter and the clock.
struct APIContext: Sendable {
    let gate: APIGate
    let limiter: LoginRateLimiter
    let clock: @Sendable () -> Date

    /// The store the handlers read and write (the one opened for writing once the APIs are on).
    var store: any ReaderAPI.Store { gate.store }

    /// Runs a handler: unavailable APIs and ``ReaderAPIError``s become their answers, a storage
    /// error that bad input caused becomes a 400, and nothing is ever cached.
    func answer(_ body: () async throws -> Response) async throws -> Response {
        if let error = try await gate.availability(now: clock()).error { return error.response }
        do {
            var response = try await body()
            response.headers[.cacheControl] = "no-store"
            return response
        } catch let error as ReaderAPIError {
            return error.response
        } catch let error as StorageError {
            return ReaderAPIError.badRequest(String(describing: error)).response
        }
    }

    /// Refuses an address that failed too often.
    func checkLimit(_ address: String) throws {
        if let seconds = limiter.retryAfter(address, now: clock()) { throw ReaderAPIError.rateLimited(retryAfter: seconds) }
    }

    func failed(_ address: String) { limiter.recordFailure(address, now: clock()) }

    /// The user of a Google Reader token (`NAME/syn_…` or `syn_…`), nil when none.
    func user(token: String) async throws -> User? {
        let bare = token.split(separator: "/").last.map(String.init) ?? token
        guard APITokenSecret.isWellFormed(bare) else { return nil }
        return try await store.user(tokenHash: APITokenSecret.hash(bare))
    }

    /// Checks a password off the cooperative thread pool (scrypt is deliberately slow).
    static func verify(_ password: String, against hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: PasswordHash.verify(password, against: hash)) }
        }
    }

    /// The user's view: their reopen rule, their subscriptions unless they are the default user.
    static func view(_ user: User, filter: ReaderView.Filter? = nil, starredOnly: Bool = false) -> ReaderView {
        ReaderView(user: user, filter: filter, starredOnly: starredOnly)
    }
}

/// Plain and JSON answers of the APIs.
enum APIResponse {
    static func text(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ object: Any) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: JSONText.encode(object))))
    }
}
