import Foundation
import Testing
import TestSupport
@testable import Fetch

/// The batch API under load, checked from the server's side: per-host concurrency and connection reuse.
/// Each test starts its own server so the counters see only its own requests. The tests run one at a
/// time: on a loaded machine a port freed by one test's server can be taken by the next one's while the
/// first test's transfers are still winding down, which would mix their counts.
@Suite(.serialized) struct FetcherSchedulingTests {
    @Test func twoHundredRequestsRespectThePerHostLimit() async throws {
        let server = try await TestHTTPServer.start()
        defer { server.stop() }
        var policy = FetchPolicy()
        policy.concurrency = 16
        policy.perHostLimit = 2
        let requests = (0..<200).map { i in
            FetchRequest(url: server.url("/sleep?ms=10&i=\(i)", host: i % 2 == 0 ? "127.0.0.1" : "localhost"))
        }
        var seen = Set<Int>()
        for await (index, result) in Fetcher(policy: policy).fetch(requests) {
            #expect((try? result.get())?.status == 200)
            seen.insert(index)
        }
        #expect(seen == Set(0..<200))
        let stats = try server.stats()
        #expect(stats.requests == 200)
        let perHost = stats.max_concurrent_per_host
        #expect(perHost.count == 2)
        #expect(perHost.values.allSatisfy { $0 <= 2 }, "\(perHost)")
        #expect(perHost.values.contains(2), "the limit should be reached, else the test proves nothing: \(perHost)")
        #expect(stats.max_concurrent <= 4)
    }

    @Test("a slow reader holds back new transfers: never more than maxUnreadResults fetched ahead of what was read")
    func unreadResultsBoundTheFetching() async throws {
        let server = try await TestHTTPServer.start()
        defer { server.stop() }
        var policy = FetchPolicy()
        policy.concurrency = 8
        policy.perHostLimit = 8
        policy.maxUnreadResults = 5
        let requests = (0..<30).map { i in FetchRequest(url: server.url("/ok?i=\(i)")) }
        var read = 0
        var mostAhead = 0
        for await (_, result) in Fetcher(policy: policy).fetch(requests) {
            #expect((try? result.get())?.status == 200)
            read += 1
            try await Task.sleep(for: .milliseconds(30))  // a reader slower than the server
            mostAhead = max(mostAhead, try server.stats().requests - read)
        }
        #expect(read == 30)
        #expect(mostAhead <= 5, "requests made beyond those read: \(mostAhead)")
        #expect(mostAhead >= 3, "the bound should be reached, else the test proves nothing: \(mostAhead)")
    }

    @Test("results left unread when a loop ends early stop counting: the same fetcher fetches the next batch")
    func leavingEarlyFreesTheBound() async throws {
        let server = try await TestHTTPServer.start()
        defer { server.stop() }
        var policy = FetchPolicy()
        policy.maxUnreadResults = 3
        let fetcher = Fetcher(policy: policy)
        for await (_, result) in fetcher.fetch((0..<20).map { FetchRequest(url: server.url("/ok?a=\($0)")) }) {
            #expect((try? result.get())?.status == 200)
            break
        }
        let finished = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask {
                var ok = 0
                for await (_, result) in fetcher.fetch((0..<10).map { FetchRequest(url: server.url("/ok?b=\($0)")) }) {
                    if (try? result.get())?.status == 200 { ok += 1 }
                }
                return ok
            }
            group.addTask { try await Task.sleep(for: .seconds(60)); return nil }  // a leak would stall it forever
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        #expect(finished == 10, "the second batch after an abandoned one: \(String(describing: finished))")
    }

    @Test func globalLimitCapsAllHosts() async throws {
        let server = try await TestHTTPServer.start()
        defer { server.stop() }
        var policy = FetchPolicy()
        policy.concurrency = 1
        policy.perHostLimit = 4
        let requests = (0..<20).map { i in
            FetchRequest(url: server.url("/sleep?ms=10", host: i % 2 == 0 ? "127.0.0.1" : "localhost"))
        }
        for await (_, result) in Fetcher(policy: policy).fetch(requests) {
            #expect((try? result.get())?.status == 200)
        }
        #expect(try server.stats().max_concurrent == 1)
    }

    @Test func connectionsAreReused() async throws {
        let server = try await TestHTTPServer.start()
        defer { server.stop() }
        let requests = (0..<40).map { _ in FetchRequest(url: server.url("/ok")) }
        let fetcher = Fetcher()  // per-host limit 2
        var ok = 0
        for await (_, result) in fetcher.fetch(requests) where (try? result.get())?.status == 200 { ok += 1 }
        for await (_, result) in fetcher.fetch(requests) where (try? result.get())?.status == 200 { ok += 1 }
        #expect(ok == 80)
        let stats = try server.stats()
        #expect(stats.requests == 80)
        // The /_stats request itself opened one connection.
        #expect(stats.connections - 1 <= 2, "80 requests used \(stats.connections - 1) connections")
    }

    @Test func minimumDelaySpacesRequestsToOneHost() async throws {
        var policy = FetchPolicy()
        policy.minDelayPerHost = 0.3
        let server = TestHTTPServer.shared
        let started = Date()
        let requests = (0..<3).map { _ in FetchRequest(url: server.url("/ok")) }
        var count = 0
        for await _ in Fetcher(policy: policy).fetch(requests) { count += 1 }
        #expect(count == 3)
        #expect(Date().timeIntervalSince(started) >= 0.6)
    }

    /// Issue 15 item 7: on HTTP/1.1 the per-host limit means real parallel connections. A stalling feed
    /// must not hold the other feeds of its host (CURLOPT_PIPEWAIT made them wait for its connection, and
    /// the wait counted against their own time limit). The three good feeds finish before the stalling
    /// one is cut at its time limit: the stream order says so, no clock is read.
    @Test func aStallingFeedDoesNotHoldTheOthersOnItsHost() async throws {
        let server = try await TestHTTPServer.start()
        defer { server.stop() }
        var policy = FetchPolicy()
        policy.perHostLimit = 2
        policy.totalTimeout = 4
        let stalling = FetchRequest(url: server.url("/slow-headers?delay=6"))
        let good = (0..<3).map { FetchRequest(url: server.url("/ok?feed=\($0)")) }
        var order: [Int] = []
        var results: [Int: Result<FetchResponse, FetchError>] = [:]
        for await (index, result) in Fetcher(policy: policy).fetch([stalling] + good) {
            order.append(index)
            results[index] = result
        }
        for index in 1...3 { #expect((try? results[index]?.get())?.status == 200, "feed \(index): \(String(describing: results[index]))") }
        #expect(results[0]?.failure == .totalTimeout(url: stalling.url, seconds: 4))
        #expect(order.last == 0, "the good feeds waited for the stalling one: completion order \(order)")
    }

    @Test func emptyBatchFinishesImmediately() async {
        var count = 0
        for await _ in Fetcher().fetch([]) { count += 1 }
        #expect(count == 0)
    }

    @Test func cancellingTheTaskStopsASingleFetch() async throws {
        let fetcher = Fetcher()
        let url = TestHTTPServer.shared.url("/slow-headers?delay=\(FetcherFailureTests.serverDelay)")
        let started = Date()
        let task = Task { await fetcher.fetch(FetchRequest(url: url)) }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        #expect(await task.value.failure == .cancelled(url: url))
        #expect(Date().timeIntervalSince(started) < FetcherFailureTests.wallBound)  // the server would answer after serverDelay s
        // An already-cancelled task does not start the transfer at all.
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await fetcher.fetch(FetchRequest(url: url))
        }
        #expect(await early.value.failure == .cancelled(url: url))
    }

    @Test func abandoningABatchCancelsTheRest() async throws {
        let server = try await TestHTTPServer.start()
        defer { server.stop() }
        var policy = FetchPolicy()
        policy.perHostLimit = 1
        let fetcher = Fetcher(policy: policy)
        // One at a time, 100 ms each: the whole batch would take 5 s.
        let requests = (0..<50).map { _ in FetchRequest(url: server.url("/sleep?ms=100")) }
        // Consume in a function of its own so the stream is released (and the batch abandoned) when
        // it returns, whatever the optimizer does with the lifetime of locals.
        func takeFirst() async { for await _ in fetcher.fetch(requests) { break } }
        await takeFirst()
        // The fetcher still works (the /ok request is not stuck behind the abandoned ones),
        // and abandoned requests stop reaching the server.
        let after = try await fetcher.fetch(FetchRequest(url: server.url("/ok"))).get()
        #expect(after.status == 200)
        #expect(try server.stats().requests < 25)  // of 51
    }
}
