import Logging
import NIOCore
import NIOHTTP1

/// Closes an HTTP/1 connection when one of its ``ConnectionDeadlines`` passes, and after the answer
/// to a request that did not keep the connection alive (`Connection: close`, or HTTP/1.0 without
/// `Connection: keep-alive`), saying so in the answer's `Connection` header.
///
/// Sits between NIO's HTTP/1 decoder and the conversion to Swift HTTP Types, where it still sees the
/// request's HTTP version. ``RequestBytesObserver`` at the front of the pipeline tells it when bytes
/// arrive, before the decoder has a whole head to show.
final class ConnectionDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private var deadlines: ConnectionDeadlines
    private let logger: Logger
    private var context: ChannelHandlerContext?
    private var timer: Scheduled<Void>?
    private var timerDeadline: NIODeadline?

    init(limits: ConnectionLimits, logger: Logger) {
        self.deadlines = ConnectionDeadlines(limits: limits, openedAt: .now())
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        arm()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        self.context = nil
    }

    /// Called by ``RequestBytesObserver`` for every read from the socket.
    func bytesArrived() {
        deadlines.bytesArrived(at: .now())
        arm()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            deadlines.headArrived(at: .now(), keepAlive: head.isKeepAlive, isHTTP10: head.version == .http1_0)
        case .body:
            break
        case .end:
            deadlines.requestEnded(at: .now())
        }
        arm()
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            if let request = deadlines.answering {
                if !request.keepAlive {
                    head.headers.replaceOrAdd(name: "Connection", value: "close")
                } else if request.isHTTP10 {
                    head.headers.replaceOrAdd(name: "Connection", value: "keep-alive")
                }
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            let written = promise ?? context.eventLoop.makePromise()
            written.futureResult.assumeIsolated().whenSuccess { [self] in answerWritten() }
            context.write(data, promise: written)
        }
    }

    private func answerWritten() {
        guard let context else { return }
        if deadlines.answerWritten(at: .now()) {
            context.close(promise: nil)
        } else {
            arm()
        }
    }

    /// Makes sure a timer fires no later than the current deadline.
    private func arm() {
        guard let context else { return }
        let next = deadlines.nextDeadline.at
        if let scheduled = timerDeadline, timer != nil, scheduled <= next { return }
        timer?.cancel()
        timerDeadline = next
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: next) { [self] in timerFired() }
    }

    private func timerFired() {
        timer = nil
        timerDeadline = nil
        guard let context else { return }
        if let expiry = deadlines.expired(at: .now()) {
            logger.debug("closing connection: \(expiry.rawValue) passed", metadata: ["peer": "\(context.remoteAddress.map { "\($0)" } ?? "?")"])
            context.close(promise: nil)
        } else {
            arm()
        }
    }
}

/// Tells a ``ConnectionDeadlineHandler`` that the client sent bytes; placed first in the pipeline,
/// before the HTTP decoder, so a request counts as started with its first byte, not its last header.
final class RequestBytesObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let deadlines: ConnectionDeadlineHandler

    init(notifying deadlines: ConnectionDeadlineHandler) {
        self.deadlines = deadlines
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        deadlines.bytesArrived()
        context.fireChannelRead(data)
    }
}
