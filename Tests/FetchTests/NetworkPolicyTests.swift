import Foundation
import Testing
import TestSupport
@testable import Fetch

/// ``NetworkPolicy``: names mapped to loopback (CURLOPT_RESOLVE), test mode refusing unmapped names on the
/// first request and on every redirect hop, and address rules that let one private address through.
@Suite struct NetworkPolicyTests {
    let server = TestHTTPServer.shared

    func policy(resolveOnly: Bool = true, resolve: [String] = [], deny: Bool = false, allow: [String] = []) -> FetchPolicy {
        var policy = FetchPolicy()
        policy.network = NetworkPolicy()
        policy.network.resolveOnly = resolveOnly
        policy.network.resolve = resolve
        policy.network.denyPrivateNetworks = deny
        policy.network.allowedAddresses = allow.compactMap(AddressRule.init)
        return policy
    }

    @Test func mappedNameReachesTheLoopbackServerWithItsOwnHostHeader() async throws {
        let fetcher = Fetcher(policy: policy(resolve: ["feeds.example:\(server.port):127.0.0.1"]))
        let response = try await fetcher.fetch(FetchRequest(url: "http://feeds.example:\(server.port)/echo-headers")).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("\"host\": \"feeds.example:\(server.port)\""))
    }

    @Test func unmappedNameIsRefusedBeforeAnyLookup() async {
        let fetcher = Fetcher(policy: policy(resolve: ["feeds.example:\(server.port):127.0.0.1"]))
        let other = "http://evil.invalid/x"
        #expect(await fetcher.fetch(FetchRequest(url: other)).failure == .nameNotMapped(url: other, host: "evil.invalid"))
        // Mapped for one port only: another port is another name as far as the mapping goes.
        let port = "http://feeds.example:1/x"
        #expect(await fetcher.fetch(FetchRequest(url: port)).failure == .nameNotMapped(url: port, host: "feeds.example"))
    }

    @Test func redirectToAnUnmappedNameIsRefusedAtTheHop() async {
        let fetcher = Fetcher(policy: policy())
        let url = server.url("/redirect/302?to=http://evil.invalid/x")
        #expect(await fetcher.fetch(FetchRequest(url: url)).failure == .nameNotMapped(url: url, host: "evil.invalid"))
    }

    @Test func allowedAddressPassesTheDenyRuleAndARedirectIntoLoopbackDoesNot() async throws {
        let canary = try await TestHTTPServer.start()
        defer { canary.stop() }
        let fetcher = Fetcher(policy: policy(resolve: ["news.example:\(server.port):127.0.0.1"], deny: true,
                                             allow: ["127.0.0.1:\(server.port)"]))
        let ok = try await fetcher.fetch(FetchRequest(url: "http://news.example:\(server.port)/ok")).get()
        #expect(ok.status == 200)
        let url = "http://news.example:\(server.port)/redirect/302?to=\(canary.url("/canary/private"))"
        #expect(await fetcher.fetch(FetchRequest(url: url)).failure == .privateNetworkDenied(url: url, address: "127.0.0.1"))
        #expect(try canary.stats().requests == 0)
    }

    @Test func addressRulesParseAndMatch() throws {
        let v4 = try #require(AddressRule("10.1.0.0/16"))
        #expect(v4.matches([10, 1, 200, 3], port: 80) && !v4.matches([10, 2, 0, 1], port: 80))
        let withPort = try #require(AddressRule("127.0.0.1:8080"))
        #expect(withPort.matches([127, 0, 0, 1], port: 8080) && !withPort.matches([127, 0, 0, 1], port: 8081))
        let v6 = try #require(AddressRule("[::1]:8080"))
        #expect(v6.matches(Array(repeating: 0, count: 15) + [1], port: 8080))
        #expect(v6.description == "[::1]:8080" && v4.description == "10.1.0.0/16")
        for bad in ["", "10.0.0.256", "10.0.0.0/33", "example.org", "127.0.0.1:0", "[::1"] { #expect(AddressRule(bad) == nil, "\(bad)") }
    }

    @Test func environmentSetsThePolicyOnce() throws {
        let env = ["SYNDIC_DENY_PRIVATE_NETWORKS": "1", "SYNDIC_ALLOW_ADDRESSES": "10.0.0.5,127.0.0.1:8080",
                   "SYNDIC_RESOLVE": "a.example:80:127.0.0.1", "SYNDIC_RESOLVE_ONLY": "1"]
        let policy = try NetworkPolicy.parse(environment: env)
        #expect(policy.denyPrivateNetworks && policy.resolveOnly)
        #expect(policy.allowedAddresses.map(\.description) == ["10.0.0.5", "127.0.0.1:8080"])
        #expect(policy.resolve == ["a.example:80:127.0.0.1"])
        #expect(policy.mayResolve(host: "a.example", port: 80) && !policy.mayResolve(host: "a.example", port: 443))
        #expect(throws: NetworkPolicyError.badResolveEntry("nonsense")) { try NetworkPolicy.parse(environment: ["SYNDIC_RESOLVE": "nonsense"]) }
        #expect(NetworkPolicy(environment: [:]) == NetworkPolicy())
    }
}
