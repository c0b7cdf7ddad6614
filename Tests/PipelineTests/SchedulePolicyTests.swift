import Foundation
import Testing
@testable import Pipeline

@Suite("Scheduling policy")
struct SchedulePolicyTests {
    let policy = SchedulePolicy()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("an hourly feed is read every 30 minutes; bounds hold")
    func adaptive() {
        let hourly = (0..<10).map { now.addingTimeInterval(Double(-$0) * 3600) }
        #expect(policy.intervalAfterSuccess(itemDates: hourly, previous: nil, hints: .init()) == 1800)
        let burst = (0..<10).map { now.addingTimeInterval(Double(-$0) * 10) }
        #expect(policy.intervalAfterSuccess(itemDates: burst, previous: nil, hints: .init()) == 15 * 60)
        let yearly = (0..<3).map { now.addingTimeInterval(Double(-$0) * 365 * 86_400) }
        #expect(policy.intervalAfterSuccess(itemDates: yearly, previous: nil, hints: .init()) == 24 * 3600)
        #expect(policy.intervalAfterSuccess(itemDates: [], previous: 7200, hints: .init()) == 7200)
        #expect(policy.intervalAfterSuccess(itemDates: [], previous: nil, hints: .init()) == 3600)
    }

    @Test("server and feed hints are lower bounds, capped at the maximum")
    func hints() {
        let hourly = (0..<10).map { now.addingTimeInterval(Double(-$0) * 3600) }
        #expect(policy.intervalAfterSuccess(itemDates: hourly, previous: nil, hints: .init(feedTTL: 3 * 3600)) == 3 * 3600)
        #expect(policy.intervalAfterSuccess(itemDates: hourly, previous: nil, hints: .init(maxAge: 600)) == 1800)
        #expect(policy.intervalAfterSuccess(itemDates: hourly, previous: nil, hints: .init(updatePeriod: 7 * 86_400)) == 86_400)
        #expect(policy.intervalAfterSuccess(itemDates: hourly, previous: nil, hints: .init(expiresIn: 2 * 3600)) == 7200)
    }

    @Test("backoff doubles per failure with bounded jitter, capped at 24 h, honouring Retry-After")
    func backoff() {
        #expect(policy.backoff(failures: 1, retryAfter: nil, random: 0.5) == 900)
        #expect(policy.backoff(failures: 3, retryAfter: nil, random: 0.5) == 3600)
        #expect(policy.backoff(failures: 40, retryAfter: nil, random: 0.99) == 86_400)
        let low = policy.backoff(failures: 2, retryAfter: nil, random: 0)
        let high = policy.backoff(failures: 2, retryAfter: nil, random: 0.999_999)
        #expect(abs(low - 1440) < 0.01)
        #expect(abs(high - 2160) < 0.01)
        #expect(policy.backoff(failures: 1, retryAfter: 7200, random: 0.5) == 7200)
        #expect(policy.backoff(failures: 1, retryAfter: 10 * 86_400, random: 0.5) == 86_400)
    }
}
