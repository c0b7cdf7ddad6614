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
    }

    let port: UInt16
    private let listener: Int32
    private let behaviour: Behaviour
    private let lock = NSLock()
    private var accepted = 0
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
        readRequest(client)
        switch behaviour {
        case .closeWithoutAnswer, .canary:
            close(client)
        case .garbage:
            let junk = Array("\u{0}\u{7f}ELLO THIS IS NOT HTTP\r\n\u{1}\u{2}\u{3}\r\n\r\n".utf8) + (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            _ = junk.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            shutdown(client, Int32(SHUT_RDWR))
            close(client)
        case .stall:
            lock.lock()
            if stopped { lock.unlock(); close(client); return }
            held.append(client)
            lock.unlock()
        }
    }

    /// Reads until the end of the request headers (or 64 KB, or the peer closes).
    private func readRequest(_ client: Int32) {
        var seen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while seen.count < 65_536 {
            let n = recv(client, &buffer, buffer.count, 0)
            if n <= 0 { return }
            seen.append(contentsOf: buffer[0..<n])
            if seen.count >= 4, seen.suffix(4).elementsEqual([13, 10, 13, 10]) { return }
        }
    }
}

enum FaultServerError: Error { case socket }
