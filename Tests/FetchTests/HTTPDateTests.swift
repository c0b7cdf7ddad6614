import Foundation
import Testing
@testable import Fetch

@Suite struct HTTPDateTests {
    /// 1994-11-06 08:49:37 UTC, the example of RFC 9110 §5.6.7.
    let expected = Date(timeIntervalSince1970: 784_111_777)

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",   // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",  // RFC 850
        "Sun Nov  6 08:49:37 1994",        // asctime
        "sun, 06 nov 1994 08:49:37 gmt",   // case-insensitive names
        "06 Nov 1994 08:49:37 GMT",        // weekday omitted
    ])
    func parsesTheThreeForms(text: String) {
        #expect(HTTPDate.parse(text, now: Date(timeIntervalSince1970: 1_800_000_000)) == expected)
    }

    @Test(arguments: ["", "0", "-1", "yesterday", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                      "Sun, 06 Nov 1994 25:00:00 GMT", "Sun, 06 Nov 1994 GMT"])
    func rejectsNonDates(text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func twoDigitYearsFarInTheFutureAreInThePast() throws {
        let now = try #require(HTTPDate.parse("Sun, 29 Nov 2026 00:00:00 GMT"))
        #expect(HTTPDate.parse("Thursday, 01-Jan-98 00:00:00 GMT", now: now) == Date(timeIntervalSince1970: 883_612_800))
        #expect(HTTPDate.parse("Thursday, 01-Jan-70 00:00:00 GMT", now: now)
            == HTTPDate.parse("Wed, 01 Jan 2070 00:00:00 GMT"))  // 44 years ahead: not "more than 50"

        #expect(HTTPDate.format(try #require(HTTPDate.parse("Friday, 01-Jan-27 00:00:00 GMT", now: now)))
            == "Fri, 01 Jan 2027 00:00:00 GMT")
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(expected) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 GMT")
    }
}

@Suite struct CachingHeadersTests {
    let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT

    @Test(arguments: [
        ("120", 120.0), (" 5 ", 5.0), ("0", 0.0),
        ("Sun, 06 Nov 1994 08:51:37 GMT", 120.0),  // two minutes after now
        ("Sun, 06 Nov 1994 08:00:00 GMT", 0.0),    // in the past: no wait
    ] as [(String, Double)])
    func retryAfter(value: String, seconds: Double) {
        #expect(CachingHeaders.retryAfter(value, now: now) == seconds)
    }

    @Test(arguments: ["", "-5", "1.5", "soon"])
    func retryAfterRejectsGarbage(value: String) {
        #expect(CachingHeaders.retryAfter(value, now: now) == nil)
    }

    @Test(arguments: [
        ("max-age=300", 300), ("public, max-age=60, must-revalidate", 60), ("MAX-AGE=\"30\"", 30),
        ("s-maxage=10", nil), ("max-age=abc", nil), ("no-cache", nil), ("max-age=", nil),
    ] as [(String, Int?)])
    func maxAge(value: String, seconds: Int?) {
        #expect(CachingHeaders.maxAge(value) == seconds)
    }

    @Test func forbidsReuse() {
        #expect(CachingHeaders.forbidsReuse("private, no-store"))
        #expect(CachingHeaders.forbidsReuse("no-cache"))
        #expect(!CachingHeaders.forbidsReuse("public, max-age=10"))
    }

    @Test func expiresIsRelativeToTheDateHeader() {
        #expect(CachingHeaders.expiresIn("Sun, 06 Nov 1994 09:49:37 GMT", date: "Sun, 06 Nov 1994 09:00:00 GMT",
                                         now: now) == 49 * 60 + 37)
        #expect(CachingHeaders.expiresIn("Sun, 06 Nov 1994 09:49:37 GMT", now: now) == 3600)
        #expect(CachingHeaders.expiresIn("0", now: now) == 0)
        #expect(CachingHeaders.expiresIn("Sun, 06 Nov 1994 07:00:00 GMT", now: now) == 0)
    }

    @Test(arguments: [
        ("text/html; charset=UTF-8", "utf-8"), ("application/xml;charset=\"ISO-8859-1\"", "iso-8859-1"),
        ("text/xml; format=flowed; Charset = windows-1252", "windows-1252"), ("application/rss+xml", nil),
        ("text/html; charset=", nil),
    ] as [(String, String?)])
    func charset(contentType: String, charset: String?) {
        #expect(CachingHeaders.charset(contentType: contentType) == charset)
    }
}
