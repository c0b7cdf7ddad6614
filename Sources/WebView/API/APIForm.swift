import Foundation
import Hummingbird

/// The parameters of an API request: its query string and, for a form POST, its body, in order,
/// repeated names kept (`i=` is sent once per item).
struct APIForm: Sendable {
    /// Name and value pairs, decoded (`+` is a space, then percent-decoding).
    var pairs: [(name: String, value: String)]

    /// The largest form body read (a thousand item ids fit many times over).
    static let maxBody = 1 << 20

    /// Reads the query and, unless the body is something else than a form, the body.
    static func read(_ request: Request) async throws -> APIForm {
        var pairs = parse(request.uri.query ?? "")
        if request.method == .post {
            let type = request.headers[.contentType]?.lowercased() ?? ""
            if type.isEmpty || type.hasPrefix("application/x-www-form-urlencoded") || type.hasPrefix("text/plain") {
                let body: ByteBuffer
                do {
                    body = try await request.body.collect(upTo: maxBody)
                } catch {
                    throw ReaderAPIError.badRequest("The form is larger than \(maxBody) bytes: send fewer items at once.")
                }
                pairs += parse(String(buffer: body))
            }
        }
        return APIForm(pairs: pairs)
    }

    static func parse(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(pieces[0]), pieces.count > 1 ? decode(pieces[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// Every value of `name`, in order.
    func all(_ name: String) -> [String] { pairs.filter { $0.name == name }.map(\.value) }

    /// The first value of `name`, nil when absent.
    func first(_ name: String) -> String? { pairs.first { $0.name == name }?.value }

    /// Whether `name` was sent (with or without a value: Fever's `?api&items`).
    func has(_ name: String) -> Bool { pairs.contains { $0.name == name } }

    /// A whole number in `range`, nil when absent or empty; anything else is a 400 naming the parameter.
    func int(_ name: String, in range: ClosedRange<Int64>) throws -> Int64? {
        guard let text = first(name), !text.isEmpty else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw ReaderAPIError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \u{201C}\(text.prefix(40))\u{201D}.")
        }
        return value
    }
}
