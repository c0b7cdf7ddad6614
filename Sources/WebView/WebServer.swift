import Digest
import Foundation
import Hummingbird
import Logging
import NIOCore
import Storage

/// `syndic serve`: a read-only web view of the stories, the subscriptions and the digest feeds.
///
/// Routes: `/` (stories, with `since` and `min-sources` filters), `/story/ID`, `/feeds`,
/// `/digest.atom`, `/digest.rss`, `/digest.json` (JSON Feed), `/digest.html`, `/digest.md`
/// (with the digest command's options as query parameters, ETag and 304), `/healthz`.
/// Only GET and HEAD routes exist: nothing the server does writes to the database.
///
/// ```swift
/// let app = WebServer.application(database: db, host: "127.0.0.1", port: 8080) { url in print(url) }
/// try await app.runService()
/// ```
public enum WebServer {
    /// What the web view reads: stories and feeds (a store opened read-only is enough).
    public typealias Store = StoryStore & FeedStore

    /// The router with every route and the security-header middleware; used directly by tests.
    public static func router(database: any Store, clock: @escaping @Sendable () -> Date = { Date() }) -> Router<BasicRequestContext> {
        let router = Router()
        router.middlewares.add(SecurityHeadersMiddleware())
        let routes = WebRoutes(database: database, clock: clock)
        routes.register(on: router)
        return router
    }

    /// A server bound to `host:port` (port 0 picks a free one); `onRunning` receives the base URL
    /// once it accepts connections.
    public static func application(database: any Store, host: String, port: Int, logger: Logger? = nil,
                                   onRunning: @escaping @Sendable (String) async -> Void) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "syndic.serve")
        if logger == nil { log.logLevel = .warning }
        return Application(
            router: router(database: database),
            configuration: .init(address: .hostname(host, port: port), serverName: "Syndic"),
            onServerRunning: { channel in
                let actualPort = channel.localAddress?.port ?? port
                let shownHost = host.contains(":") ? "[\(host)]" : host
                await onRunning("http://\(shownHost):\(actualPort)/")
            },
            logger: log
        )
    }

    /// Whether `host` only accepts connections from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
