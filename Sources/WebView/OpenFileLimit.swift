import Foundation

/// The process's open-file limit, which bounds how many connections a server can hold: each is a file
/// descriptor, and a server that runs out cannot accept (or open its database) at all.
public enum OpenFileLimit {
    /// Descriptors kept for everything that is not a client connection (database, logs, listening socket).
    public static let reserve = 64

    /// Raises the soft limit (up to the hard limit) so that `connections` clients fit beside ``reserve``;
    /// returns how many connections fit afterwards (`connections`, or fewer when the hard limit is lower).
    public static func raise(toFit connections: Int) -> Int {
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return connections }
        let wanted = rlim_t(connections + reserve)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = min(wanted, limit.rlim_max)
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        let fits = Int(min(limit.rlim_cur, rlim_t(Int32.max))) - reserve
        return max(1, min(connections, fits))
    }
}
