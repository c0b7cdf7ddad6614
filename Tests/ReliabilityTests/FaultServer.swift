import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 that misbehaves on purpose, one way per instance, and counts connections.
///
/// test_server.py covers well-formed HTTP (and resets mid-body); this covers answers that are not HTTP at
/// all and servers that never answer. It also serves as a canary: a test that must prove something was
/// never requested checks ``connections`` stays 0.
final class FaultServer: @unchecked Sendable {
    enum Behaviour {
        /// Accept, read the request, close without a byte of answer.
        case closeWithoutAnswer
        /// Answer bytes that are not HTTP.
        case garbage
        /// Accept, read the request, then say nothing and keep the connection open until ``stop()``.
        case stall
        /// Count connections and close them (a canary that must never be contacted).
        case canary
        /// Answer 200 with a well-formed RSS feed of exactly `bytes` bytes, generated while it is sent
        /// (nothing is held in memory or on disk); with `announceLength` the size is announced in
        /// Content-Length, otherwise the body is chunked, so the client learns the size only by reading.
        case hugeFeed(bytes: Int, announceLength: Bool)
        /// A news site whose article pages are slow: `/feed.xml` lists `pages` items with one-line
        /// descriptions (too short to stand for the story, so a poll fetches every page), and
        /// `/page/N` answers a distinct article after `delay` seconds.
        case slowSite(pages: Int, delay: TimeInterval)
    }

    let port: UInt16
    private let listener: Int32
    private let behaviour: Behaviour
    private let lock = NSLock()
    private var accepted = 0
    private var sentBodyBytes = 0
    private var held: [Int32] = []
    private var stopped = false

    init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FaultServerError.socket }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw FaultServerError.socket }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = UInt16(bigEndian: addr.sin_port)
        listener = fd
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// `http://127.0.0.1:<port><path>`
    func url(_ path: String = "/feed.xml") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Connections accepted so far.
    var connections: Int { lock.lock(); defer { lock.unlock() }; return accepted }

    /// Body bytes handed to the kernel so far (``Behaviour/hugeFeed(bytes:announceLength:)``); the
    /// kernel's socket buffers hold up to a few MB of them that the client may never have read.
    var bodyBytesSent: Int { lock.lock(); defer { lock.unlock() }; return sentBodyBytes }

    /// Stops listening and closes every held connection.
    func stop() {
        lock.lock()
        stopped = true
        let clients = held
        held = []
        lock.unlock()
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for client in clients { shutdown(client, Int32(SHUT_RDWR)); close(client) }
    }

    deinit { if !stopped { stop() } }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { return }
            lock.lock()
            accepted += 1
            let isStopped = stopped
            lock.unlock()
            if isStopped { close(client); return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        if case .canary = behaviour { close(client); return }
        let path = readRequest(client)
        switch behaviour {
        case .closeWithoutAnswer, .canary:
            close(client)
        case .garbage:
            let junk = Array("\u{0}\u{7f}ELLO THIS IS NOT HTTP\r\n\u{1}\u{2}\u{3}\r\n\r\n".utf8) + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            _ = junk.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            shutdown(client, Int32(SHUT_RDWR))
            close(client)
        case .hugeFeed(let bytes, let announceLength):
            sendHugeFeed(client, bytes: bytes, announceLength: announceLength)
            shutdown(client, Int32(SHUT_RDWR))
            close(client)
        case .slowSite(let pages, let delay):
            let (status, type, body) = SlowSite.answer(path: path, pages: pages, delay: delay, root: url(""))
            let head = "HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            _ = sendAll(client, Array(head.utf8) + body)
            shutdown(client, Int32(SHUT_RDWR))
            close(client)
        case .stall:
            lock.lock()
            if stopped { lock.unlock(); close(client); return }
            held.append(client)
            lock.unlock()
        }
    }

    /// Streams a feed of `bytes` bytes in 64 KB pieces until all is sent or the client goes away.
    private func sendHugeFeed(_ client: Int32, bytes: Int, announceLength: Bool) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nConnection: close\r\n"
            + (announceLength ? "Content-Length: \(bytes)\r\n\r\n" : "Transfer-Encoding: chunked\r\n\r\n")
        guard sendAll(client, Array(head.utf8)) else { return }
        var body = HugeFeedBody(total: bytes)
        while let piece = body.next(maxBytes: 65_536) {
            let framed = announceLength ? piece : Array((String(piece.count, radix: 16) + "\r\n").utf8) + piece + [13, 10]
            guard sendAll(client, framed) else { return }
            lock.lock()
            sentBodyBytes += piece.count
            let isStopped = stopped
            lock.unlock()
            if isStopped { return }
        }
        if !announceLength { _ = sendAll(client, Array("0\r\n\r\n".utf8)) }
    }

    /// False when the peer has closed or reset the connection.
    private func sendAll(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { send(client, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Reads until the end of the request headers (or 64 KB, or the peer closes); returns the
    /// request line's path ("" when there is none).
    @discardableResult
    private func readRequest(_ client: Int32) -> String {
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while seen.count < 65_536 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { break }
            seen.append(contentsOf: buffer[0..<n])
            if seen.count >= 4, seen.suffix(4).elementsEqual([13, 10, 13, 10]) { break }
        }
        let requestLine = String(decoding: seen.prefix { $0 != 13 && $0 != 10 }, as: UTF8.self).split(separator: " ")
        return requestLine.count >= 2 ? String(requestLine[1]) : ""
    }
}

enum FaultServerError: Error { case socket }

/// The bytes of an RSS feed of exactly `total` bytes, produced piece by piece: a channel, as many
/// 4 KB items as fit (distinct guids and text), blank padding, and the closing tags.
struct HugeFeedBody {
    let total: Int
    private var produced = 0
    private var nextItem = 0
    private var pending: [UInt8] = Array(#"<?xml version="1.0" encoding="UTF-8"?>\#n<rss version="2.0"><channel><title>Huge</title><link>http://example.invalid/</link><description>100 MB of items</description>\#n"#.utf8)
    private static let tail = Array("</channel></rss>\n".utf8)
    private static let filler = Array((0..<600).map { "w\($0 * 7 % 9973)" }.joined(separator: " ").utf8)

    init(total: Int) { self.total = total }

    /// The next piece of at most `maxBytes` bytes; nil at the end.
    mutating func next(maxBytes: Int) -> [UInt8]? {
        let remaining = total - produced
        guard remaining > 0 else { return nil }
        var piece: [UInt8] = []
        piece.reserveCapacity(min(maxBytes, remaining))
        while piece.count < min(maxBytes, remaining) {
            if pending.isEmpty { pending = refill(room: remaining - piece.count) }
            let take = min(pending.count, min(maxBytes, remaining) - piece.count)
            piece.append(contentsOf: pending[..<take])
            pending.removeFirst(take)
        }
        produced += piece.count
        return piece
    }

    /// What follows: another item while one fits before the closing tags, else padding and the tags.
    private mutating func refill(room: Int) -> [UInt8] {
        let item = Array("<item><guid>huge-\(nextItem)</guid><title>Huge item \(nextItem)</title><description>".utf8)
            + Self.filler + Array("</description></item>\n".utf8)
        nextItem += 1
        if item.count + Self.tail.count <= room { return item }
        return [UInt8](repeating: 10, count: max(0, room - Self.tail.count)) + Self.tail
    }
}
