import NIOCore

/// The clock of one HTTP/1 connection: which of ``ConnectionLimits``' deadlines applies now, from
/// what the connection has done so far. Pure state (times are passed in), driven by
/// ``ConnectionDeadlineHandler``.
///
/// A request starts with its first byte and stays open until the last byte of its answer is written
/// and its body has ended; requests may be pipelined, so the oldest open one sets the request
/// deadline. While a request's head is arriving the header deadline applies too; with nothing asked,
/// the idle deadline does.
struct ConnectionDeadlines {
    /// Which clock ran out.
    enum Expiry: String, Equatable {
        case header = "header-timeout"
        case request = "request-timeout"
        case idle = "idle-timeout"
    }

    /// A request whose head has arrived and which is not finished: its answer is not written yet, or
    /// its body is still arriving (an answer may be written before the body ends).
    struct OpenRequest: Equatable {
        var startedAt: NIODeadline
        var keepAlive: Bool
        var isHTTP10: Bool
        var answered = false
    }

    let limits: ConnectionLimits
    /// When the last request finished (or the connection opened): the idle clock's start.
    private(set) var lastQuietAt: NIODeadline
    /// When the first byte of a request whose head has not arrived yet came.
    private(set) var headStartedAt: NIODeadline?
    /// Whether the newest request's body is still arriving (bytes then belong to it, not to a new request).
    private(set) var bodyOpen = false
    /// Open requests, oldest first (HTTP/1 answers them in order).
    private(set) var open: [OpenRequest] = []

    init(limits: ConnectionLimits, openedAt: NIODeadline) {
        self.limits = limits
        self.lastQuietAt = openedAt
    }

    /// Bytes came from the client.
    mutating func bytesArrived(at now: NIODeadline) {
        if headStartedAt == nil && !bodyOpen { headStartedAt = now }
    }

    /// A request's head was decoded.
    mutating func headArrived(at now: NIODeadline, keepAlive: Bool, isHTTP10: Bool) {
        open.append(OpenRequest(startedAt: headStartedAt ?? now, keepAlive: keepAlive, isHTTP10: isHTTP10))
        headStartedAt = nil
        bodyOpen = true
    }

    /// The newest request's body (possibly empty) has ended.
    mutating func requestEnded(at now: NIODeadline) {
        bodyOpen = false
        dropFinished(at: now)
    }

    /// The request being answered: the oldest one not answered yet.
    var answering: OpenRequest? { open.first { !$0.answered } }

    /// The last byte of an answer was written; returns whether the connection must now close (the
    /// request asked for it, or was HTTP/1.0 without keep-alive).
    mutating func answerWritten(at now: NIODeadline) -> Bool {
        guard let index = open.firstIndex(where: { !$0.answered }) else { return false }
        open[index].answered = true
        let close = !open[index].keepAlive
        dropFinished(at: now)
        return close
    }

    /// Forgets answered requests whose bodies have ended (every request but the newest has ended its body).
    private mutating func dropFinished(at now: NIODeadline) {
        while let first = open.first, first.answered, open.count > 1 || !bodyOpen {
            open.removeFirst()
        }
        if open.isEmpty { lastQuietAt = now }
    }

    /// The earliest deadline in force, and which clock it is.
    var nextDeadline: (at: NIODeadline, expiry: Expiry) {
        var best: (at: NIODeadline, expiry: Expiry)?
        func consider(_ at: NIODeadline, _ expiry: Expiry) {
            if best == nil || at < best!.at { best = (at, expiry) }
        }
        if let started = headStartedAt {
            consider(started + ConnectionLimits.amount(limits.headerTimeout), .header)
            consider(started + ConnectionLimits.amount(limits.requestTimeout), .request)
        }
        if let oldest = open.first {
            consider(oldest.startedAt + ConnectionLimits.amount(limits.requestTimeout), .request)
        }
        if headStartedAt == nil && open.isEmpty {
            consider(lastQuietAt + ConnectionLimits.amount(limits.idleTimeout), .idle)
        }
        return best!
    }

    /// Which clock has run out at `now`, if any.
    func expired(at now: NIODeadline) -> Expiry? {
        let next = nextDeadline
        return now >= next.at ? next.expiry : nil
    }
}
