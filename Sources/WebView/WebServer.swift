import Digest
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Storage

/// `syndic serve`: a read-only web view of the stories, the subscriptions and the digest feeds.
///
/// Routes: `/` (stories, with `since` and `min-sources` filters), `/story/ID`, `/feeds`,
/// `/digest.atom`, `/digest.rss`, `/digest.json` (JSON Feed), `/digest.html`, `/digest.md`
/// (with the digest command's options as query parameters, ETag and 304), `/healthz`.
/// The web view has only GET and HEAD routes and never writes; the reader APIs (``ReaderAPI``:
/// `/api/greader.php/…`, `/api/fever.php`) write read state, subscriptions and tokens when they are on.
///
/// ```swift
/// let app = WebServer.application(database: db, settings: .init(host: "127.0.0.1", port: 8080)) { url in print(url) }
/// try await app.runService()
/// ```
public enum WebServer {
    /// What the web view reads: stories and feeds (a store opened read-only is enough).
    public typealias Store = StoryStore & FeedStore & InstanceStore

    /// Where the server listens, which names it answers for, the root of its absolute links and how
    /// long it waits on clients (the flags of `syndic serve`).
    public struct Settings: Sendable {
        /// The address to listen on.
        public var host: String
        /// The TCP port; 0 picks a free one.
        public var port: Int
        /// The public root URL (``PublicAddress/normalizedRoot(_:)``), or nil to link to the listening address.
        public var selfURL: String?
        /// Further host names answered (``HostPolicy``).
        public var allowedHosts: [String]
        /// Timeouts and the connection cap.
        public var limits: ConnectionLimits
        /// Whose read state orders the story listing (unread first); nil: no reader.
        public var reader: ReaderView?
        /// The reader APIs (Google Reader, Fever); nil: not routed at all.
        public var api: ReaderAPI.Settings?

        public init(host: String = "127.0.0.1", port: Int = 8080, selfURL: String? = nil, allowedHosts: [String] = [],
                    limits: ConnectionLimits = .standard, reader: ReaderView? = nil, api: ReaderAPI.Settings? = nil) {
            self.api = api
            self.host = host
            self.port = port
            self.selfURL = selfURL
            self.allowedHosts = allowedHosts
            self.limits = limits
            self.reader = reader
        }

        /// The names this server answers for.
        public var hostPolicy: HostPolicy { HostPolicy(listenHost: host, publicURL: selfURL, allowedHosts: allowedHosts) }
    }

    /// The router with every route, the security-header middleware and the Host check; used directly by tests.
    public static func router(database: any Store, clock: @escaping @Sendable () -> Date = { Date() },
                              hosts: HostPolicy = HostPolicy(listenHost: "127.0.0.1"),
                              address: PublicAddress = PublicAddress(), reader: ReaderView? = nil,
                              api: ReaderAPI.Settings? = nil) -> Router<WebRequestContext> {
        let router = Router(context: WebRequestContext.self)
        router.middlewares.add(SecurityHeadersMiddleware())
        router.middlewares.add(HostCheckMiddleware(policy: hosts))
        let routes = WebRoutes(database: database, clock: clock, address: address, reader: reader)
        routes.register(on: router)
        if let api { ReaderAPI.register(on: router, settings: api, clock: clock) }
        return router
    }

    /// A server with `settings` (port 0 picks a free one); `onRunning` receives the base URL once it
    /// accepts connections.
    public static func application(database: any Store, settings: Settings, logger: Logger? = nil,
                                   onRunning: @escaping @Sendable (String) async -> Void) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "syndic.serve")
        if logger == nil { log.logLevel = .warning }
        let address = PublicAddress(configured: settings.selfURL)
        let host = settings.host
        return Application(
            router: router(database: database, hosts: settings.hostPolicy, address: address, reader: settings.reader, api: settings.api),
            server: TimedHTTP1Channel.builder(limits: settings.limits),
            configuration: .init(address: .hostname(host, port: settings.port), serverName: "Syndic",
                                 availableConnectionsDelegate: MaximumAvailableConnections(settings.limits.maxConnections, logger: log)),
            onServerRunning: { channel in
                let actualPort = channel.localAddress?.port ?? settings.port
                address.serverListening(host: host, port: actualPort)
                let shownHost = host.contains(":") ? "[\(host)]" : host
                await onRunning("http://\(shownHost):\(actualPort)/")
            },
            logger: log
        )
    }

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || IPAddressText(host)?.isLoopback == true
    }
}
