import Testing
@testable import WebView

/// Which `Host` values ``HostPolicy`` answers, without a server.
@Suite("Web view: host policy")
struct HostPolicyTests {
    @Test("loopback names and addresses are always answered; other names and addresses only when listed")
    func loopbackOnly() {
        let policy = HostPolicy(listenHost: "127.0.0.1")
        for host in ["localhost", "localhost:8080", "LocalHost.", "x.localhost", "127.0.0.1", "127.0.0.1:1", "127.200.0.9", "[::1]", "[::1]:8080",
                     "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", nil, ""] {
            #expect(policy.allows(authority: host), "\(host ?? "nil")")
        }
        for host in ["evil.example", "evil.example:8080", "localhost.evil.example", "127.0.0.1.nip.io", "10.0.0.1", "192.168.1.5:8080", "[fe80::1]",
                     "[::1", "::1", "[::1]x", "user@localhost", "localhost/x", "localhost:", "localhost:123456", "local host", "évil.example",
                     String(repeating: "a", count: 400), "2130706433", "127.1"] {
            #expect(!policy.allows(authority: host), "\(host)")
        }
    }

    @Test("the --host value, the --self-url host and --allowed-host entries (.domain for subdomains) are answered")
    func listedNames() {
        let policy = HostPolicy(listenHost: "myhost.lan", publicURL: "https://News.Example/syndic/",
                                allowedHosts: ["Reader.Example.", ".home.arpa", "[2001:db8::1]", "192.0.2.7", "http://bad/"])
        for host in ["myhost.lan", "news.example", "NEWS.example:443", "reader.example", "home.arpa", "nas.home.arpa", "[2001:db8:0::1]:80", "192.0.2.7"] {
            #expect(policy.allows(authority: host), "\(host)")
        }
        for host in ["other.example", "sub.news.example", "xhome.arpa", "192.0.2.8", "bad"] {
            #expect(!policy.allows(authority: host), "\(host)")
        }
    }

    @Test("listening on every address answers any IP address, but still no foreign name")
    func wildcard() {
        for listen in ["0.0.0.0", "::"] {
            let policy = HostPolicy(listenHost: listen)
            #expect(policy.allows(authority: "192.168.1.5:8080") && policy.allows(authority: "[2001:db8::5]") && policy.allows(authority: "localhost"))
            #expect(!policy.allows(authority: "evil.example") && !policy.allows(authority: "0.0.0.0.evil.example"))
        }
        let specific = HostPolicy(listenHost: "192.168.1.5")
        #expect(specific.allows(authority: "192.168.1.5:8080") && !specific.allows(authority: "192.168.1.6"))
    }

    @Test("--allowed-host entries are normalized or refused")
    func entries() {
        #expect(HostPolicy.normalizedEntry("News.Example.") == "news.example")
        #expect(HostPolicy.normalizedEntry(".Home.Arpa") == ".home.arpa")
        #expect(HostPolicy.normalizedEntry("[::1]") == "::1")
        #expect(HostPolicy.normalizedEntry("2001:DB8:0::1") == "2001:db8::1")
        for bad in ["", ".", "http://x/", "x:80", "a b", "x/y", "a..b"] {
            #expect(HostPolicy.normalizedEntry(bad) == nil, "\(bad)")
        }
    }

    @Test("--self-url becomes a root ending in /; unusable values are refused")
    func selfURLRoot() {
        #expect(PublicAddress.normalizedRoot("https://news.example/syndic") == "https://news.example/syndic/")
        #expect(PublicAddress.normalizedRoot("http://127.0.0.1:8080/") == "http://127.0.0.1:8080/")
        for bad in ["javascript:alert(1)", "ftp://x/", "https://news.example/?q=1", "https://news.example/#top", "https://u:p@news.example/", "news.example", "/x"] {
            #expect(PublicAddress.normalizedRoot(bad) == nil, "\(bad)")
        }
        let address = PublicAddress()
        #expect(address.url(path: "/digest.atom") == nil, "no link before the server is bound")
        address.serverListening(host: "0.0.0.0", port: 8080)
        #expect(address.url(path: "/digest.atom", query: [("title", "a&b c/é")]) == "http://127.0.0.1:8080/digest.atom?title=a%26b%20c%2F%C3%A9")
        address.serverListening(host: "::", port: 81)
        #expect(address.root == "http://[::1]:81/")
    }
}
