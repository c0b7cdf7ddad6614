import NIOCore

/// How long `syndic serve` waits on a client, and how many connections it holds at once.
///
/// Without these a client that opens a connection and then sends nothing, trickles its headers a byte
/// at a time, or asks over HTTP/1.0 and never closes, holds a socket (and a file descriptor) forever;
/// a few thousand such connections starve everyone else. Each phase of a connection has its own clock
/// (``ConnectionDeadlines``):
///
/// - ``headerTimeout``: from the first byte of a request until its whole head (request line and
///   headers) has arrived;
/// - ``requestTimeout``: from the first byte of a request until the last byte of its answer has been
///   handed to the operating system (covers a slow body, a slow reader and a slow answer);
/// - ``idleTimeout``: between requests, while nothing is being asked (a kept-alive connection, or a
///   new connection that has sent nothing yet).
///
/// A connection past its deadline is closed by the server. ``maxConnections`` caps the open
/// connections: beyond it the server stops accepting, and new connections wait in the kernel's
/// listen queue until a slot frees.
public struct ConnectionLimits: Sendable, Equatable {
    /// Seconds allowed for a request's head to arrive once it has started.
    public var headerTimeout: Double
    /// Seconds allowed for a whole request: its head, its body and its answer.
    public var requestTimeout: Double
    /// Seconds a connection may sit with no request in progress.
    public var idleTimeout: Double
    /// Connections served at once.
    public var maxConnections: Int

    /// The defaults of `syndic serve`: 10 s for a head, 60 s for a request, 30 s idle, 512 connections.
    public static let standard = ConnectionLimits(headerTimeout: 10, requestTimeout: 60, idleTimeout: 30, maxConnections: 512)

    public init(headerTimeout: Double, requestTimeout: Double, idleTimeout: Double, maxConnections: Int) {
        self.headerTimeout = headerTimeout
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }

    /// What is wrong with these limits, in the words of `syndic serve`'s flags; nil when they are usable.
    public var problem: String? {
        for (flag, value) in [("--header-timeout", headerTimeout), ("--request-timeout", requestTimeout), ("--idle-timeout", idleTimeout)]
            where !(value > 0 && value <= 86_400) {
            return "\(flag) must be a number of seconds above 0 and at most 86400"
        }
        if headerTimeout > requestTimeout { return "--header-timeout cannot be longer than --request-timeout" }
        if !(1...1_000_000).contains(maxConnections) { return "--max-connections must be from 1 to 1000000" }
        return nil
    }

    static func amount(_ seconds: Double) -> TimeAmount { .nanoseconds(Int64(seconds * 1_000_000_000)) }
}
