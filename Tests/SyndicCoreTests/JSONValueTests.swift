import Testing
@testable import SyndicCore

@Suite("JSON output")
struct JSONValueTests {
    @Test("objects keep key order; strings are escaped for JSON and HTML")
    func serialization() {
        let value: JSONValue = .object([("b", .int(1)), ("a", .string("x\"<y>&\n\u{01}")), ("n", .null), ("l", .array([.bool(true), .double(1.5)]))])
        #expect(value.serialized() == #"{"b":1,"a":"x\"\u003cy\u003e\u0026\n\u0001","n":null,"l":[true,1.5]}"#)
    }
}
