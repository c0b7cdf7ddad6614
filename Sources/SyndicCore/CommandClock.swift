import Foundation

/// The time commands take as "now": the system clock, or `SYNDIC_NOW` when it is set.
///
/// `SYNDIC_NOW` (an RFC 3339 time, e.g. `2026-12-01T08:00:00Z`) exists for tests that live through
/// weeks of polls in seconds (the month-long digest simulation): `feeds add|import`, `poll`, `prune`, `stories` and
/// `digest` read it for scheduling, first-seen times, retention cutoffs and `--since`. Network
/// timeouts and file times still follow the real clock. Leave it unset in real use.
public enum CommandClock {
    /// `SYNDIC_NOW` did not hold an RFC 3339 time.
    public struct BadTime: UserFacingError {
        public var value: String
        public var exitCode: SyndicExitCode { .usage }
        public var description: String {
            "SYNDIC_NOW is \"\(value)\", not an RFC 3339 time such as 2026-12-01T08:00:00Z; unset it to use the clock"
        }
    }

    /// Now: `SYNDIC_NOW` from `environment` when set (and not empty), else the system clock.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        guard let value = environment["SYNDIC_NOW"], !value.isEmpty else { return Date() }
        guard let date = Timestamp.parseRFC3339(value) else { throw BadTime(value: value) }
        return date
    }
}
