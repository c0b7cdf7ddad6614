import ArgumentParser
import Foundation

/// The environment settings of polls.
///
/// `SYNDIC_LEASE_SECONDS`: how long a shared poll holds a claimed feed between renewals. Longer: a killed
/// poller's feeds wait longer. Shorter: more renewals, and a poll stalled longer than the lease loses its
/// feeds to another poller (which fetches them; nothing is stored twice).
/// `SYNDIC_LEASE_BATCH`: how many feeds a poller claims at a time (whole hosts, soonest due first).
/// Both only matter on a shared database (PostgreSQL).
/// `SYNDIC_WINDOW_SEED_LIMIT`: signatures in the window up to which the placer loads the whole window;
/// above, it loads each new entry's candidate stories from the candidate index (0: always).
enum PollSetting {
    static let secondsVariable = "SYNDIC_LEASE_SECONDS"
    static let batchVariable = "SYNDIC_LEASE_BATCH"
    static let windowSeedVariable = "SYNDIC_WINDOW_SEED_LIMIT"

    static func seconds(default fallback: TimeInterval) throws -> TimeInterval {
        try number(secondsVariable, range: 1...86_400, unit: "a number of seconds") ?? fallback
    }

    static func batch(default fallback: Int) throws -> Int {
        try number(batchVariable, range: 1...100_000, unit: "a number of feeds").map { Int($0) } ?? fallback
    }

    static func windowSeedLimit(default fallback: Int) throws -> Int {
        try number(windowSeedVariable, range: 0...1_000_000_000, unit: "a number of signatures").map { Int($0) } ?? fallback
    }

    private static func number(_ variable: String, range: ClosedRange<Double>, unit: String) throws -> Double? {
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw ValidationError("\(variable) must be \(unit) from \(Int(range.lowerBound)) to \(Int(range.upperBound)) (it is '\(text)')")
        }
        return value
    }
}
