import NIOCore
import Testing
@testable import WebView

/// Which clock ``ConnectionDeadlines`` applies in each phase of a connection, on made-up instants
/// (nothing here waits).
@Suite("Web view: connection deadlines")
struct ConnectionDeadlinesTests {
    static let limits = ConnectionLimits(headerTimeout: 10, requestTimeout: 60, idleTimeout: 30, maxConnections: 8)
    static let t0 = NIODeadline.uptimeNanoseconds(1_000_000_000_000)
    static func at(_ seconds: Double) -> NIODeadline { t0 + ConnectionLimits.amount(seconds) }

    @Test("a silent connection times out idle; a started head times out on the header clock")
    func idleThenHeader() {
        var clock = ConnectionDeadlines(limits: Self.limits, openedAt: Self.t0)
        #expect(clock.nextDeadline.at == Self.at(30) && clock.nextDeadline.expiry == .idle)
        #expect(clock.expired(at: Self.at(29.9)) == nil && clock.expired(at: Self.at(30)) == .idle)
        clock.bytesArrived(at: Self.at(5))
        clock.bytesArrived(at: Self.at(9))  // trickling: later bytes do not move the clock
        #expect(clock.nextDeadline.at == Self.at(15) && clock.nextDeadline.expiry == .header)
        #expect(clock.expired(at: Self.at(14)) == nil && clock.expired(at: Self.at(15)) == .header)
    }

    @Test("a request runs on the request clock from its first byte until its answer is written and its body ended")
    func requestClock() {
        var clock = ConnectionDeadlines(limits: Self.limits, openedAt: Self.t0)
        clock.bytesArrived(at: Self.at(1))
        clock.headArrived(at: Self.at(2), keepAlive: true, isHTTP10: false)
        #expect(clock.nextDeadline.at == Self.at(61) && clock.nextDeadline.expiry == .request)
        clock.bytesArrived(at: Self.at(3))  // body bytes do not start a new request
        #expect(clock.answerWritten(at: Self.at(4)) == false)
        #expect(clock.nextDeadline.at == Self.at(61), "answered but the body is still arriving")
        clock.requestEnded(at: Self.at(50))
        #expect(clock.nextDeadline.at == Self.at(80) && clock.nextDeadline.expiry == .idle)
    }

    @Test("pipelined requests: the oldest open one sets the deadline; a second head arrives while the first is answered")
    func pipelined() {
        var clock = ConnectionDeadlines(limits: Self.limits, openedAt: Self.t0)
        clock.bytesArrived(at: Self.at(1))
        clock.headArrived(at: Self.at(1), keepAlive: true, isHTTP10: false)
        clock.requestEnded(at: Self.at(1))
        clock.headArrived(at: Self.at(2), keepAlive: false, isHTTP10: true)
        clock.requestEnded(at: Self.at(2))
        #expect(clock.answering?.keepAlive == true)
        #expect(clock.answerWritten(at: Self.at(3)) == false)
        #expect(clock.answering?.isHTTP10 == true)
        #expect(clock.nextDeadline.at == Self.at(62) && clock.nextDeadline.expiry == .request)
        #expect(clock.answerWritten(at: Self.at(4)) == true, "HTTP/1.0 without keep-alive closes after its answer")
    }

    @Test("Connection: close and HTTP/1.0 without keep-alive close after the answer; keep-alive goes idle")
    func keepAlive() {
        var clock = ConnectionDeadlines(limits: Self.limits, openedAt: Self.t0)
        clock.headArrived(at: Self.at(1), keepAlive: false, isHTTP10: false)
        clock.requestEnded(at: Self.at(1))
        #expect(clock.answerWritten(at: Self.at(2)) == true)
        var kept = ConnectionDeadlines(limits: Self.limits, openedAt: Self.t0)
        kept.headArrived(at: Self.at(1), keepAlive: true, isHTTP10: true)
        kept.requestEnded(at: Self.at(1))
        #expect(kept.answerWritten(at: Self.at(2)) == false)
        #expect(kept.nextDeadline.at == Self.at(32) && kept.nextDeadline.expiry == .idle)
    }

    @Test("limits are checked in the flags' words")
    func limitProblems() {
        #expect(ConnectionLimits.standard.problem == nil)
        var limits = ConnectionLimits.standard
        limits.idleTimeout = 0
        #expect(limits.problem?.contains("--idle-timeout") == true)
        limits = .standard
        limits.headerTimeout = 100
        #expect(limits.problem?.contains("--header-timeout cannot be longer") == true)
        limits = .standard
        limits.maxConnections = 0
        #expect(limits.problem?.contains("--max-connections") == true)
    }
}
