import ArgumentParser
import FeedParsing
import Foundation
import SyndicCore

/// `syndic parse FILE [--url BASE] [--format json|text]`: parse one feed file and print what Syndic sees.
/// `syndic parse --bench PATH... [--repeat N]`: time the parser over many files (single thread).
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a feed file (RSS, RDF, Atom, JSON Feed) and print it, or benchmark the parser.",
        discussion: """
        Examples:
          syndic parse feed.xml
          syndic parse --format json --url https://example.org/feed.xml feed.xml
          syndic parse https://example.org/feed.xml
          syndic parse --bench ../shared/corpus/feeds --repeat 3

        Reads a local file, a file:// URL, or an http(s) URL (fetched once, as a poll would).
        --format json prints the feedcorpus/1 schema (shared/corpus/feeds/SCHEMA.md);
        a document that is not a feed still prints JSON, with "bozo": true and no entries.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case json, text
    }

    @Argument(help: "Feed file, file:// or http(s) URL; with --bench, files or folders to parse.")
    var paths: [String]

    @Option(name: .long, help: "Base URL relative links are resolved against (the feed's own URL).")
    var url: String?

    @Option(name: .long, help: "Output: json (feedcorpus/1 schema) or text.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Benchmark: parse every file under PATH... in one thread and print MB/s as JSON.")
    var bench = false

    @Option(name: .long, help: "With --bench: parse everything N times and report the best run.")
    var `repeat`: Int = 1

    func validate() throws {
        if !bench, paths.count != 1 { throw ValidationError("Give exactly one feed file (or use --bench for many).") }
        if `repeat` < 1 { throw ValidationError("--repeat must be at least 1.") }
    }

    func run() async throws {
        if bench { return try runBench() }
        let input = try await LoadedInput.load(paths[0])
        let feed: ParsedFeed
        do {
            feed = try FeedParser.parse(bytes: input.bytes, url: url ?? input.url, httpCharset: input.httpCharset)
        } catch {
            guard format == .json else {
                FileHandle.standardError.write(Data("syndic parse: \(error.description)\n".utf8))
                throw ExitCode(error.exitCode.rawValue)
            }
            feed = ParsedFeed(format: nil, version: nil, title: nil, siteLink: nil, selfLink: nil, hubs: [],
                              description: nil, language: nil, updated: nil, ttlMinutes: nil, updateInterval: nil,
                              entries: [], bozo: true, bozoReason: error.description)
        }
        switch format {
        case .json: FileHandle.standardOutput.write(Data(FeedCorpusJSON.encode(feed).utf8))
        case .text: print(Self.textReport(feed), terminator: "")
        }
    }

    static func textReport(_ feed: ParsedFeed) -> String {
        var out = "\(feed.title ?? "(untitled)")  [\(feed.version ?? "not a feed")]\(feed.bozo ? "  bozo: \(feed.bozoReason ?? "")" : "")\n"
        if let link = feed.siteLink { out += "  \(link)\n" }
        out += "  \(feed.entries.count) entries\n"
        for entry in feed.entries {
            let date = entry.date.map(Timestamp.rfc3339) ?? "-                   "
            out += "\(date)  \(entry.title ?? "(untitled)")\n"
            out += "                      \(entry.link ?? entry.stableID)\n"
        }
        return out
    }

    private func runBench() throws {
        var blobs: [[UInt8]] = []
        for path in paths { try Self.collect(path, into: &blobs) }
        let totalBytes = blobs.reduce(0) { $0 + $1.count }
        var best = Double.infinity
        var bestCPU = Double.infinity
        var entryCount = 0
        for _ in 0..<`repeat` {
            entryCount = 0
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.threadCPUSeconds()
            for blob in blobs {
                if let feed = try? FeedParser.parse(bytes: blob) { entryCount += feed.entries.count }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - cpuStart)
        }
        let mb = Double(totalBytes) / 1e6
        // Wall clock is the figure; CPU time of the parsing thread shows the cost when the machine is busy.
        print("{\"files\": \(blobs.count), \"bytes\": \(totalBytes), \"entries\": \(entryCount), "
            + "\"seconds\": \(String(format: "%.4f", best)), \"mb_per_s\": \(String(format: "%.1f", mb / best)), "
            + "\"cpu_seconds\": \(String(format: "%.4f", bestCPU)), \"cpu_mb_per_s\": \(String(format: "%.1f", mb / bestCPU))}")
    }

    private static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private static let skippedSuffixes = [".expected.json", "README.md", "SCHEMA.md", "MANIFEST.txt"]

    private static func collect(_ path: String, into blobs: inout [[UInt8]]) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("\(path) does not exist.")
        }
        if !isDirectory.boolValue {
            if let data = FileManager.default.contents(atPath: path) { blobs.append([UInt8](data)) }
            return
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        for name in names where !name.hasPrefix(".") && !skippedSuffixes.contains(where: name.hasSuffix) {
            try collect((path as NSString).appendingPathComponent(name), into: &blobs)
        }
    }
}
