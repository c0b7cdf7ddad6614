import ArgumentParser
import Fetch
import Foundation
import SyndicCore

/// `syndic fetch URL`: one request through Syndic's fetcher, shown like `curl -i` for debugging a feed.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch one URL the way `syndic poll` would and show status, redirects, headers and timings.",
        discussion: """
        Examples:
          syndic fetch https://example.org/feed.xml
          syndic fetch https://example.org/feed.xml --etag '"abc"' --last-modified 'Sun, 06 Nov 1994 08:49:37 GMT'
          syndic fetch https://example.org/feed.xml --head --format json
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The http, https or file URL to fetch.")
    var url: String?

    @Option(help: "Send this ETag as If-None-Match (a 304 means the feed is unchanged).")
    var etag: String?

    @Option(help: "Send this date as If-Modified-Since, e.g. 'Sun, 06 Nov 1994 08:49:37 GMT'.")
    var lastModified: String?

    @Flag(help: "Send HEAD instead of GET: status and headers only.")
    var head = false

    @Flag(help: "Also write the (decompressed) body to standard output after the summary.")
    var body = false

    @Option(help: "Seconds before the whole transfer is abandoned.")
    var timeout: Double?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var network: NetworkOptions

    @Option(name: .customLong("bench-urls"),
            help: ArgumentHelp("Benchmark: fetch every URL in this file (one per line) and print JSON figures.",
                               visibility: .hidden))
    var benchURLs: String?

    @Option(help: ArgumentHelp("Benchmark: transfers in flight at once.", visibility: .hidden))
    var concurrency = 32

    @Option(name: .customLong("per-host"),
            help: ArgumentHelp("Benchmark: transfers in flight per host (default: --concurrency).", visibility: .hidden))
    var perHost: Int?

    func validate() throws {
        if benchURLs == nil && url == nil { throw ValidationError("Give the URL to fetch.") }
        if concurrency < 1 { throw ValidationError("--concurrency must be at least 1.") }
    }

    func run() async throws {
        if let benchURLs {
            try await FetchBenchmark(urlFile: benchURLs, concurrency: concurrency, perHost: perHost ?? concurrency).run()
            return
        }
        guard let url else { return }
        let request = FetchRequest(url: url, method: head ? .head : .get, etag: etag, lastModified: lastModified,
                                   timeout: timeout)
        let response = try await Fetcher(policy: try network.fetchPolicy()).fetch(request).get()
        // Written straight to the file handle (not print's buffer) so the report precedes the raw body.
        let report: String
        switch format {
        case .text: report = FetchReport.text(response)
        case .json: report = try FetchReport.json(response) + "\n"
        }
        FileHandle.standardOutput.write(Data(report.utf8))
        if body {
            FileHandle.standardOutput.write(Data(response.body))
        }
    }
}

// MARK: - Output


/// Renders a ``FetchResponse`` for `syndic fetch`: curl -i style text, or JSON for scripts.
enum FetchReport {
    static func text(_ response: FetchResponse) -> String {
        var out = ""
        for hop in response.redirects {
            out += "< \(hop.status) \(hop.url)\n<   -> \(hop.location)\(hop.isPermanent ? "  (permanent)" : "")\n"
        }
        if !response.redirects.isEmpty { out += "\n" }
        let version = response.httpVersion.isEmpty ? "" : "HTTP/\(response.httpVersion) "
        out += "\(version)\(response.status)  \(response.finalURL)\n"
        for field in response.headers { out += "\(field.name): \(field.value)\n" }
        let t = response.timings
        out += "\n"
        out += "timings: dns \(ms(t.dns)), connect \(ms(t.connect)), tls \(ms(t.tls)), "
            + "first byte \(ms(t.firstByte)), total \(ms(t.total))\n"
        out += "body: \(response.body.count) bytes decoded, \(response.bytesOnWire) bytes on the wire\n"
        return out
    }

    static func json(_ response: FetchResponse) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(response)), as: UTF8.self)
    }

    private static func ms(_ seconds: Double) -> String {
        "\((seconds * 1000 * 10).rounded() / 10) ms"
    }

    private struct Document: Encodable {
        struct Hop: Encodable { var url: String, status: Int, location: String, permanent: Bool }
        struct Header: Encodable { var name: String, value: String }
        struct Timings: Encodable { var dns, connect, tls, first_byte, total, redirect: Double }
        var requested_url, final_url, http_version: String
        var status: Int
        var redirects: [Hop]
        var headers: [Header]
        var timings: Timings
        var body_bytes, bytes_on_wire: Int

        init(_ r: FetchResponse) {
            requested_url = r.requestedURL
            final_url = r.finalURL
            http_version = r.httpVersion
            status = r.status
            redirects = r.redirects.map { Hop(url: $0.url, status: $0.status, location: $0.location, permanent: $0.isPermanent) }
            headers = r.headers.map { Header(name: $0.name, value: $0.value) }
            let t = r.timings
            timings = Timings(dns: t.dns, connect: t.connect, tls: t.tls, first_byte: t.firstByte, total: t.total,
                              redirect: t.redirect)
            body_bytes = r.body.count
            bytes_on_wire = r.bytesOnWire
        }
    }
}

// MARK: - Benchmark


/// `syndic fetch --bench-urls FILE --concurrency N` (hidden): fetches every URL of FILE through one
/// ``Fetcher`` and prints `{requests, seconds, requests_per_s, failures}` as JSON. See docs/FETCH.md.
struct FetchBenchmark {
    var urlFile: String
    var concurrency: Int
    var perHost: Int

    func run() async throws {
        let text = try String(contentsOfFile: urlFile, encoding: .utf8)
        let requests = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .map { FetchRequest(url: $0) }
        var policy = FetchPolicy()  // the environment's network policy
        policy.concurrency = concurrency
        policy.perHostLimit = perHost
        let fetcher = Fetcher(policy: policy)
        let clock = ContinuousClock()
        let start = clock.now
        var failures = 0
        var bodyBytes = 0
        for await (_, result) in fetcher.fetch(requests) {
            switch result {
            case .success(let response) where response.isSuccess: bodyBytes += response.body.count
            default: failures += 1
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let rate = seconds > 0 ? Double(requests.count) / seconds : 0
        print("{\"requests\": \(requests.count), \"seconds\": \(round3(seconds)), "
            + "\"requests_per_s\": \(Int(rate.rounded())), \"failures\": \(failures), \"body_bytes\": \(bodyBytes)}")
    }

    private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
