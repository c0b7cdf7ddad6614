import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1 channel with ``ConnectionLimits``' clocks added to every connection's
/// pipeline: a ``RequestBytesObserver`` in front of the HTTP decoder and a ``ConnectionDeadlineHandler``
/// just after it, where the request's HTTP version is still visible. Requests are then handled by
/// Hummingbird exactly as with `.http1()`.
struct TimedHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel
    let limits: ConnectionLimits

    var responder: HTTPChannelHandler.Responder { base.responder }

    /// A server builder for `Application(router:server:)`.
    static func builder(limits: ConnectionLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            TimedHTTP1Channel(base: HTTP1Channel(responder: responder), limits: limits)
        }
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let deadlines = ConnectionDeadlineHandler(limits: limits, logger: logger)
            try pipeline.addHandler(deadlines, position: .before(try pipeline.handler(type: HTTP1ToHTTPServerCodec.self)))
            try pipeline.addHandler(RequestBytesObserver(notifying: deadlines), position: .first)
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
