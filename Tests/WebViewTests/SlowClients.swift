import Foundation

/// Many misbehaving clients on plain POSIX sockets, driven by one thread of their own (never a Swift
/// concurrency thread): each connects to 127.0.0.1, sends what its kind sends, and never closes or
/// shuts down its side, so every end of a connection it sees was the server's doing.
final class SlowClients: @unchecked Sendable {
    enum Kind: String, CaseIterable, Sendable {
        /// Sends a request head one byte per tick and never finishes it.
        case tricklingHead
        /// Connects and sends nothing.
        case silent
        /// Sends a whole HTTP/1.0 request without keep-alive, reads the answer, keeps the socket open.
        case http10
        /// Sends a head announcing a 1 MB body, then the body one byte per tick.
        case tricklingBody
    }

    private final class Connection {
        let kind: Kind
        let fd: Int32
        var toSend: [UInt8]
        var sentWhole = false
        var received = 0
        var closedAt: ContinuousClock.Instant?
        var closedBy = ""

        init(kind: Kind, fd: Int32) {
            self.kind = kind
            self.fd = fd
            switch kind {
            case .tricklingHead: toSend = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: \(String(repeating: "a", count: 10_000))".utf8)
            case .silent: toSend = []
            case .http10: toSend = Array("GET /healthz HTTP/1.0\r\n\r\n".utf8)
            case .tricklingBody:
                toSend = Array("POST /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n".utf8)
                    + [UInt8](repeating: UInt8(ascii: "b"), count: 1_000_000)
            }
        }
    }

    private let lock = NSLock()
    private var connections: [Connection] = []
    private var failures: [String] = []
    private let tick: Double

    /// `tick` seconds between the bytes a trickling client sends.
    init(tick: Double = 0.5) {
        self.tick = tick
    }

    /// Opens `count` connections of each kind to `port`, then keeps driving them on a thread of their own
    /// until the server has closed every one or `guardSeconds` have passed; `opened` runs on that thread
    /// once all are connected (and the whole requests sent), `finished` once the thread is done.
    func run(port: Int, count: [Kind: Int], guardSeconds: Double,
             opened: @escaping @Sendable () -> Void, finished: @escaping @Sendable () -> Void) {
        Thread { [self] in
            for (kind, n) in count.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                for _ in 0..<n {
                    do {
                        let c = Connection(kind: kind, fd: try Self.connect(port: port))
                        if kind == .http10 || kind == .tricklingBody { sendSome(c, bytes: kind == .http10 ? c.toSend.count : 70) }
                        lock.withLock { connections.append(c) }
                    } catch {
                        lock.withLock { failures.append("connect: \(error)") }
                    }
                }
            }
            opened()
            let stop = ContinuousClock.now + .seconds(guardSeconds)
            while ContinuousClock.now < stop, lock.withLock({ connections.contains { $0.closedAt == nil } }) {
                for c in lock.withLock({ connections }) where c.closedAt == nil {
                    if c.kind == .tricklingHead || c.kind == .tricklingBody { sendSome(c, bytes: 1) }
                    drain(c)
                }
                Thread.sleep(forTimeInterval: tick)
            }
            finished()
        }.start()
    }

    /// How many connections of `kind` the server has not closed.
    func stillOpen(_ kind: Kind) -> Int {
        lock.withLock { connections.filter { $0.kind == kind && $0.closedAt == nil }.count }
    }

    /// How many connections of `kind` the server had closed before `instant` (as seen by this thread,
    /// which notices a close within one tick, so a close is never dated earlier than it happened).
    func closed(before instant: ContinuousClock.Instant, _ kind: Kind) -> Int {
        lock.withLock { connections.filter { $0.kind == kind && $0.closedAt.map { $0 < instant } == true }.count }
    }

    /// How many connections of `kind` were opened.
    func opened(_ kind: Kind) -> Int {
        lock.withLock { connections.filter { $0.kind == kind }.count }
    }

    /// Whether every connection of `kind` saw the server's answer bytes (an HTTP status line).
    func answered(_ kind: Kind) -> Int {
        lock.withLock { connections.filter { $0.kind == kind && $0.received > 0 }.count }
    }

    /// How each closed connection ended ("eof" or "reset"), counted.
    func endings() -> [String: Int] {
        lock.withLock { Dictionary(grouping: connections.compactMap { $0.closedAt == nil ? nil : $0.closedBy }, by: { $0 }).mapValues(\.count) }
    }

    var connectFailures: [String] { lock.withLock { failures } }

    func closeAll() {
        // Each socket closed once: the connections are forgotten, so a second call closes nothing.
        lock.withLock { for c in connections { close(c.fd) }; connections.removeAll() }
    }

    private func sendSome(_ c: Connection, bytes: Int) {
        guard !c.toSend.isEmpty, c.closedAt == nil else { return }
        let n = min(bytes, c.toSend.count)
        let sent = c.toSend.withUnsafeBytes { send(c.fd, $0.baseAddress, n, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)) }
        if sent > 0 { c.toSend.removeFirst(sent) }
        if sent < 0 && (errno == EPIPE || errno == ECONNRESET) { markClosed(c, "reset") }
    }

    /// Reads what the server sent without blocking; notes an end of stream or a reset.
    private func drain(_ c: Connection) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(c.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n > 0 { c.received += n; continue }
            if n == 0 { markClosed(c, "eof") }
            else if errno == ECONNRESET || errno == EPIPE { markClosed(c, "reset") }
            return
        }
    }

    private func markClosed(_ c: Connection, _ how: String) {
        lock.withLock {
            if c.closedAt == nil { c.closedAt = .now; c.closedBy = how }
        }
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        return fd
    }
}
