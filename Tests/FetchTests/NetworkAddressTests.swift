import Testing
@testable import Fetch

@Suite struct NetworkAddressTests {
    @Test(arguments: [
        ([127, 0, 0, 1], true), ([10, 1, 2, 3], true), ([172, 16, 0, 1], true), ([172, 31, 255, 255], true),
        ([172, 32, 0, 1], false), ([192, 168, 1, 1], true), ([169, 254, 169, 254], true), ([100, 64, 0, 1], true),
        ([100, 128, 0, 1], false), ([0, 0, 0, 0], true), ([224, 0, 0, 1], true), ([255, 255, 255, 255], true),
        ([93, 184, 216, 34], false), ([8, 8, 8, 8], false), ([198, 18, 0, 1], true),
    ] as [([UInt8], Bool)])
    func ipv4(bytes: [UInt8], nonPublic: Bool) {
        #expect(NetworkAddress.isNonPublic(bytes) == nonPublic)
    }

    @Test func ipv6() {
        func v6(_ prefix: [UInt8], _ suffix: [UInt8] = []) -> [UInt8] {
            prefix + [UInt8](repeating: 0, count: 16 - prefix.count - suffix.count) + suffix
        }
        #expect(NetworkAddress.isNonPublic(v6([], [1])))                          // ::1
        #expect(NetworkAddress.isNonPublic(v6([])))                               // ::
        #expect(NetworkAddress.isNonPublic(v6([0xFD, 0x12])))                     // fd12::
        #expect(NetworkAddress.isNonPublic(v6([0xFE, 0x80])))                     // fe80::
        #expect(NetworkAddress.isNonPublic(v6([0xFF, 0x02])))                     // ff02::
        #expect(NetworkAddress.isNonPublic(v6([], [0xFF, 0xFF, 127, 0, 0, 1])))   // ::ffff:127.0.0.1
        #expect(!NetworkAddress.isNonPublic(v6([], [0xFF, 0xFF, 8, 8, 8, 8])))    // ::ffff:8.8.8.8
        #expect(!NetworkAddress.isNonPublic(v6([0x20, 0x01, 0x48, 0x60], [0x88, 0x88])))  // 2001:4860::8888
        #expect(NetworkAddress.isNonPublic([1, 2, 3]))                            // not an address
    }
}

@Suite struct URLPartsTests {
    @Test(arguments: [
        ("https://Example.org/feed.xml", "https", "example.org"), ("http://user:pw@host:8080/x", "http", "host"),
        ("http://[::1]:8080/", "http", "::1"), ("file:///tmp/a.xml", "file", ""), ("HTTP://h?q", "http", "h"),
    ])
    func parses(url: String, scheme: String, host: String) throws {
        let parts = try #require(URLParts(url))
        #expect(parts.scheme == scheme)
        #expect(parts.host == host)
    }

    @Test(arguments: ["example.org/feed", "://x", "1http://x", ""])
    func rejects(url: String) {
        #expect(URLParts(url) == nil)
    }
}

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseAndKeepsRepeats() {
        var headers = HTTPHeaders([("Link", "<a>; rel=next"), ("content-type", "text/xml")])
        headers.add(name: "LINK", value: "<b>; rel=prev")
        #expect(headers["CONTENT-TYPE"] == "text/xml")
        #expect(headers["link"] == "<a>; rel=next")
        #expect(headers.values(for: "Link") == ["<a>; rel=next", "<b>; rel=prev"])
        #expect(headers.count == 3)
        #expect(headers["missing"] == nil)
    }
}
