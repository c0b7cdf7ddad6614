import Foundation
import Testing
import TestSupport

/// Random ids, streams and parameters against every reader API handler: each answers 200 or 400
/// (with a reason), never a 500, and the server keeps serving. Seeded, so a failure repeats.
@Suite("Reader APIs: bad input is a 400, never a 500")
struct APIBadInputTests {
    /// SplitMix64: a small seeded generator.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = ["", "0", "-1", "1", "2", "3", "99999999999999999999", "9223372036854775807", "9223372036854775808",
                         "-9223372036854775808", "tag:google.com,2005:reader/item/", "tag:google.com,2005:reader/item/zzzz",
                         "tag:google.com,2005:reader/item/ffffffffffffffff", "tag:google.com,2005:reader/item/0000000000000001",
                         "feed/", "feed/%", "feed/javascript:alert(1)", "feed/http://", "feed/https://wire.example/feed.xml",
                         "user/-/label/", "user/-/label/News", "user/-/state/com.google/", "user/-/state/com.google/read",
                         "user/-/state/com.google/starred", "user/-/state/com.google/reading-list", "user/x/state/com.google/read",
                         "é", "💥", "../../etc/passwd", "<script>", "'", "\"", "1e9", "0x10", " ", "NaN", "inf", ",", ",,", "1,2,x",
                         "%zz", "%2F", "&", "=", "+", "3ff0000000000000x1", "x", "7ff8000000000000x1", String(repeating: "a", count: 3000)]

    static func junk(_ rng: inout Seeded) -> String {
        // Half the time one piece alone (often a valid value), else up to three glued together.
        (0..<(Bool.random(using: &rng) ? 1 : Int.random(in: 1...3, using: &rng))).map { _ in
            if Int.random(in: 0..<4, using: &rng) == 0 {
                return String((0..<Int.random(in: 0...12, using: &rng)).map { _ in Character(UnicodeScalar(UInt8.random(in: 33...126, using: &rng))) })
            }
            return pieces.randomElement(using: &rng)!
        }.joined()
    }

    @Test("400 or 200 for 400 random Google Reader and Fever requests; never 500; still serving afterwards")
    func randomRequests() async throws {
        let world = try await APIWorld()
        defer { _ = world.stop() }
        let token = try await world.actionToken()
        var rng = Seeded(state: 17)
        let params = ["n", "c", "ot", "nt", "r", "xt", "it", "output", "s", "i", "a", "r", "ts", "ac", "t", "quickadd"]
        var failures: [String] = []
        var statuses: [Int: Int] = [:]
        for round in 0..<400 {
            // Half the rounds send only the handler's own (junk or valid) parameters, so deeper paths run too.
            let extras = round % 16 < 8 ? 0 : Int.random(in: 1...4, using: &rng)
            var form: [(String, String)] = (0..<extras).map { _ in (params.randomElement(using: &rng)!, Self.junk(&rng)) }
            let answer: CurlAnswer
            switch round % 8 {
            case 0:
                let stream = Self.junk(&rng).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "x"
                answer = try await world.reader("stream/contents/" + stream, form: form)
            case 1:
                form.append(("s", Self.junk(&rng)))
                answer = try await world.reader("stream/items/ids", form: form)
            case 2:
                form.append(("i", Self.junk(&rng)))
                answer = try await world.reader("stream/items/contents", post: true, form: form)
            case 3:
                form += [("i", Self.junk(&rng)), ("a", Self.junk(&rng)), ("T", token)]
                answer = try await world.reader("edit-tag", post: true, form: form)
            case 4:
                form += [("s", Self.junk(&rng)), ("ts", Self.junk(&rng)), ("T", token)]
                answer = try await world.reader("mark-all-as-read", post: true, form: form)
            case 5:
                form += [("ac", ["subscribe", "edit", Self.junk(&rng)].randomElement(using: &rng)!), ("s", "feed/" + Self.junk(&rng)), ("T", token)]
                answer = try await world.reader("subscription/edit", post: true, form: form)
            case 6:
                let fever = [("mark", ["item", "feed", "group", Self.junk(&rng)].randomElement(using: &rng)!),
                             ("as", ["read", "unread", "saved", "unsaved", Self.junk(&rng)].randomElement(using: &rng)!),
                             ("id", Self.junk(&rng)), ("before", Self.junk(&rng))]
                answer = try await world.fever("", fever)
            default:
                let name = ["since_id", "max_id", "with_ids"].randomElement(using: &rng)!
                answer = try await world.fever("items", [(name, Self.junk(&rng))])
            }
            statuses[answer.status, default: 0] += 1
            if answer.status != 200 && answer.status != 400 {
                failures.append("round \(round): \(answer.status) \(answer.body.prefix(200))")
            } else if answer.status == 400 && answer.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                failures.append("round \(round): a 400 without a reason")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
        #expect((statuses[400] ?? 0) > 50 && (statuses[200] ?? 0) > 8, "both outcomes exercised (most random requests carry some bad parameter): \(statuses)")
        let health = try await Curl.call(world.server.baseURL + "healthz")
        #expect(health.status == 200)
        let list = try await world.reader("subscription/list")
        #expect(list.status == 200)
    }
}
