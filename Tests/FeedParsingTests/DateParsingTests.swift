import Testing
@testable import FeedParsing

/// Table-driven date cases: (name, input, expected UTC or nil when it must be rejected).
@Suite("Feed dates")
struct DateParsingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let expected: String?
        var testDescription: String { name }
    }

    static let rfc822Cases: [Case] = [
        Case(name: "RFC 1123 with GMT", input: "Tue, 10 Jun 2003 04:00:00 GMT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "numeric offset", input: "Tue, 10 Jun 2003 04:00:00 +0200", expected: "2003-06-10T02:00:00Z"),
        Case(name: "offset with colon", input: "Tue, 10 Jun 2003 04:00:00 -05:30", expected: "2003-06-10T09:30:00Z"),
        Case(name: "no weekday", input: "10 Jun 2003 04:00:00 GMT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "wrong weekday is ignored", input: "Mon, 10 Jun 2003 04:00:00 GMT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "full weekday name", input: "Tuesday, 10 Jun 2003 04:00:00 GMT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "two-digit year 2000s", input: "Tue, 10 Jun 03 04:00:00 GMT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "two-digit year 1990s", input: "Thu, 10 Jun 99 04:00:00 GMT", expected: "1999-06-10T04:00:00Z"),
        Case(name: "no seconds", input: "Tue, 10 Jun 2003 04:00 GMT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "no time", input: "10 Jun 2003", expected: "2003-06-10T00:00:00Z"),
        Case(name: "EST", input: "Tue, 10 Jun 2003 04:00:00 EST", expected: "2003-06-10T09:00:00Z"),
        Case(name: "PDT", input: "Tue, 10 Jun 2003 04:00:00 PDT", expected: "2003-06-10T11:00:00Z"),
        Case(name: "CEST", input: "Tue, 10 Jun 2003 04:00:00 CEST", expected: "2003-06-10T02:00:00Z"),
        Case(name: "GMT+2", input: "Tue, 10 Jun 2003 04:00:00 GMT+2", expected: "2003-06-10T02:00:00Z"),
        Case(name: "UTC-05:00", input: "Tue, 10 Jun 2003 04:00:00 UTC-05:00", expected: "2003-06-10T09:00:00Z"),
        Case(name: "unknown zone name counts as UTC", input: "Tue, 10 Jun 2003 04:00:00 XYZT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "month before day", input: "Jun 10 2003 04:00:00 GMT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "asctime", input: "Sun Jan  4 16:29:06 PST 2004", expected: "2004-01-05T00:29:06Z"),
        Case(name: "fractional seconds", input: "Tue, 10 Jun 2003 04:00:00.123 GMT", expected: "2003-06-10T04:00:00Z"),
        Case(name: "lower-case month and zone", input: "tue, 10 jun 2003 04:00:00 gmt", expected: "2003-06-10T04:00:00Z"),
        Case(name: "February 30th is rejected", input: "30 Feb 2003 04:00:00 GMT", expected: nil),
        Case(name: "hour 25 is rejected", input: "10 Jun 2003 25:00:00 GMT", expected: nil),
        Case(name: "garbage", input: "yesterday afternoon", expected: nil),
        Case(name: "empty", input: "", expected: nil),
    ]

    static let iso8601Cases: [Case] = [
        Case(name: "RFC 3339 Z", input: "2024-05-01T12:00:00Z", expected: "2024-05-01T12:00:00Z"),
        Case(name: "RFC 3339 offset", input: "2024-05-01T12:00:00+02:00", expected: "2024-05-01T10:00:00Z"),
        Case(name: "fractional seconds", input: "2009-08-31T18:55:12.569Z", expected: "2009-08-31T18:55:12Z"),
        Case(name: "no seconds", input: "2024-05-01T12:00-05:00", expected: "2024-05-01T17:00:00Z"),
        Case(name: "no zone means UTC", input: "2024-05-01T12:00:00", expected: "2024-05-01T12:00:00Z"),
        Case(name: "space separator", input: "2024-05-01 12:00:00", expected: "2024-05-01T12:00:00Z"),
        Case(name: "compact offset", input: "2024-05-01T12:00:00+0200", expected: "2024-05-01T10:00:00Z"),
        Case(name: "broken one-digit offset minutes", input: "2017-06-13T03:18:00+00:0", expected: "2017-06-13T03:18:00Z"),
        Case(name: "W3CDTF date only", input: "2024-05-01", expected: "2024-05-01T00:00:00Z"),
        Case(name: "W3CDTF year and month", input: "2024-05", expected: "2024-05-01T00:00:00Z"),
        Case(name: "W3CDTF year", input: "2024", expected: "2024-01-01T00:00:00Z"),
        Case(name: "basic format", input: "20240501T120000Z", expected: "2024-05-01T12:00:00Z"),
        Case(name: "surrounding whitespace", input: "  2024-05-01T12:00:00Z\n", expected: "2024-05-01T12:00:00Z"),
        Case(name: "year/month/day with slashes", input: "2020/1/10 14:33:00", expected: "2020-01-10T14:33:00Z"),
        Case(name: "one-digit hour (feedjira/historic-2009/al3x.xml)", input: "2009-01-12T5:40:14-05:00", expected: "2009-01-12T10:40:14Z"),
        Case(name: "one-digit hour in basic format is rejected", input: "20090112T54014Z", expected: nil),
        Case(name: "month 13 is rejected", input: "2024-13-01T00:00:00Z", expected: nil),
        Case(name: "trailing junk is rejected", input: "2024-05-01T12:00:00Z tomorrow", expected: nil),
    ]

    @Test("RFC 822 and its deviations", arguments: rfc822Cases)
    func rfc822(_ c: Case) {
        #expect(FeedDate.unixSeconds(c.input).map(SyndicISO.unixString) == c.expected)
    }

    @Test("ISO 8601 / RFC 3339 / W3CDTF", arguments: iso8601Cases)
    func iso8601(_ c: Case) {
        #expect(FeedDate.unixSeconds(c.input).map(SyndicISO.unixString) == c.expected)
    }
}
