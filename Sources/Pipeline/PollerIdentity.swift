import Foundation

/// The name a poll holds its feed leases under on a shared database: unique per run, and readable in
/// `feed.lease_owner` (`pid 123 on host, 1f3a…`), so an operator can see who holds what.
enum PollerIdentity {
    static func make() -> String {
        let random = UUID().uuidString.prefix(8).lowercased()
        return "pid \(getpid()) on \(ProcessInfo.processInfo.hostName), \(random)"
    }
}
