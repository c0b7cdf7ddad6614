import ArgumentParser
import Fetch
import Foundation

/// `--deny-private-networks` and `--allow-address`, on every command that fetches (`feeds add`,
/// `feeds import`, `poll`, `extract URL`, `fetch`), on top of what the environment sets once for the
/// instance (`SYNDIC_DENY_PRIVATE_NETWORKS=1`, `SYNDIC_ALLOW_ADDRESSES`, `SYNDIC_RESOLVE`,
/// `SYNDIC_RESOLVE_ONLY`; see ``NetworkPolicy``).
struct NetworkOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Refuse loopback, private, link-local and unique-local addresses and file: URLs (for instances where others add feeds).",
        discussion: "Checked on every connection after DNS, redirects included. Also set by SYNDIC_DENY_PRIVATE_NETWORKS=1."))
    var denyPrivateNetworks = false

    @Option(name: .customLong("allow-address"), help: ArgumentHelp(
        "With --deny-private-networks, still allow this address or network (10.0.0.5, 10.0.0.0/8, 127.0.0.1:8080; repeatable).",
        valueName: "address"))
    var allowAddresses: [String] = []

    func validate() throws {
        _ = try networkPolicy()
    }

    /// The environment's policy with these flags applied; a malformed value is a usage error that says how to write it.
    func networkPolicy(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> NetworkPolicy {
        var policy: NetworkPolicy
        do { policy = try NetworkPolicy.parse(environment: environment) } catch { throw ValidationError(error.description) }
        if denyPrivateNetworks { policy.denyPrivateNetworks = true }
        for text in allowAddresses {
            guard let rule = AddressRule(text) else {
                throw ValidationError(NetworkPolicyError.badAddress(text, variable: "--allow-address").description)
            }
            policy.allowedAddresses.append(rule)
        }
        return policy
    }

    /// `base` with this network policy.
    func fetchPolicy(_ base: FetchPolicy = FetchPolicy()) throws -> FetchPolicy {
        var policy = base
        policy.network = try networkPolicy()
        return policy
    }
}
