import Fetch
import Foundation
import Testing
import TestSupport

/// `syndic serve` (the real binary, on a real port) under hundreds of slow connections: a normal libcurl
/// client is still served while they are open, and the server closes every slow one once its timeout
/// passes (ISSUE 15 item 5). Only the guard bounds wall time; the assertions are about who closed what.
@Suite("Web view: slow connections")
struct SlowConnectionTests {
    /// Generous: a busy 2-core machine (or a sanitizer) must never make a working server fail.
    static let guardSeconds = 120 * Sanitizer.scaled(3)

    static func served(_ world: StoryWorld, _ arguments: [String]) async throws -> ServeProcess {
        try await ServeProcess.start(database: world.db.path, arguments: arguments)
    }

    static func normalRequest(_ base: String, _ path: String) async throws -> FetchResponse {
        try await Fetcher().fetch(FetchRequest(url: base + path, timeout: guardSeconds)).get()
    }

    @Test("350 slow connections (trickled heads and bodies, silent, HTTP/1.0 kept open): libcurl is served meanwhile; the server closes them all")
    func slowConnectionsAreCutAndOthersServed() async throws {
        let world = try WebViewTests.world()
        let server = try await Self.served(world, ["--header-timeout", "8", "--request-timeout", "12", "--idle-timeout", "8"])
        defer { _ = server.stop() }
        let clients = SlowClients(tick: 0.5)
        let counts: [SlowClients.Kind: Int] = [.tricklingHead: 100, .silent: 100, .http10: 100, .tricklingBody: 50]
        let done = AsyncSignal()
        await withCheckedContinuation { (opened: CheckedContinuation<Void, Never>) in
            clients.run(port: server.port, count: counts, guardSeconds: Self.guardSeconds,
                        opened: { opened.resume() }, finished: { done.fire() })
        }
        defer { clients.closeAll() }
        #expect(clients.connectFailures.isEmpty, "\(clients.connectFailures.prefix(3))")

        // A normal client while they are open.
        let page = try await Self.normalRequest(server.baseURL, "?since=all")
        let openMeanwhile = (clients.stillOpen(.tricklingHead), clients.stillOpen(.silent), clients.stillOpen(.tricklingBody))
        #expect(page.status == 200)
        #expect(String(decoding: page.body, as: UTF8.self).contains("Council approves new bridge"))
        #expect(openMeanwhile == (100, 100, 50), "the slow connections were still open when libcurl was answered: \(openMeanwhile)")

        await done.wait()
        for (kind, n) in counts {
            #expect(clients.opened(kind) == n, "\(kind)")
            #expect(clients.stillOpen(kind) == 0, "\(kind): \(clients.stillOpen(kind)) of \(n) still open after the guard; the server never closed them")
        }
        #expect(clients.answered(.http10) == 100, "every HTTP/1.0 request got its answer before the close")
        #expect(clients.endings().keys.allSatisfy { $0 == "eof" || $0 == "reset" })

        let after = try await Self.normalRequest(server.baseURL, "healthz")
        #expect(after.status == 200)
        let stopped = server.stop()
        #expect(stopped.exitedNormally && stopped.status == 0, "\(stopped.stderr)")
    }

    @Test("--max-connections: beyond the cap a client waits until the server frees a slot (here: an idle connection timed out)")
    func connectionCap() async throws {
        let world = try WebViewTests.world()
        let server = try await Self.served(world, ["--max-connections", "20", "--idle-timeout", "4"])
        defer { _ = server.stop() }
        // 20 kept-alive connections, each answered once (so the server has accepted it), then idle.
        let idle = try await onThread { try (0..<20).map { _ in try KeptAliveConnection(port: server.port) } }
        defer { idle.forEach { $0.close() } }
        #expect(idle.allSatisfy { $0.firstAnswer.hasPrefix("HTTP/1.1 200") })

        let health = try await Self.normalRequest(server.baseURL, "healthz")
        let closedWhenServed = idle.filter { $0.closedByServer() }.count
        #expect(health.status == 200)
        #expect(closedWhenServed >= 1, "the 21st connection was served while all 20 idle ones were open: no cap")
    }
}

/// A connection that asks `/healthz` once with keep-alive and then stays idle.
final class KeptAliveConnection: @unchecked Sendable {
    let fd: Int32
    let firstAnswer: String

    init(port: Int) throws {
        let fd = try SlowClients.connect(port: port)
        self.fd = fd
        let request = Array("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        var received: [UInt8] = []
        while !String(decoding: received, as: UTF8.self).hasSuffix("ok\n") {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        firstAnswer = String(decoding: received, as: UTF8.self)
    }

    /// Whether the server has ended this connection (end of stream or reset), without waiting.
    func closedByServer() -> Bool {
        var byte: UInt8 = 0
        let n = recv(fd, &byte, 1, Int32(MSG_DONTWAIT) | Int32(MSG_PEEK))
        return n == 0 || (n < 0 && errno == ECONNRESET)
    }

    func close() { Glibc.close(fd) }
}

/// Runs blocking work on a thread of its own, off Swift's cooperative pool.
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A one-shot signal an async test waits for and a thread fires.
final class AsyncSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var waiter: CheckedContinuation<Void, Never>?

    func fire() {
        let waiting: CheckedContinuation<Void, Never>? = lock.withLock {
            fired = true
            defer { waiter = nil }
            return waiter
        }
        waiting?.resume()
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let now: Bool = lock.withLock {
                if fired { return true }
                waiter = continuation
                return false
            }
            if now { continuation.resume() }
        }
    }
}
