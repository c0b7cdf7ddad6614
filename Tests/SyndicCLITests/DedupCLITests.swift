import Foundation
import Testing
import TestSupport

/// `syndic dedup` end to end: files read and signed on several threads give the output of one thread.
@Suite("syndic dedup on several threads (end to end)")
struct DedupCLITests {
    @Test("--threads 1 and --threads 2 print identical JSON and text on a generated stream; --threads 0 is a usage error")
    func threadsGiveTheSameOutput() async throws {
        let cli = try CLIRunner()
        // A vocabulary for the generator: distinct made-up words, some with non-ASCII letters.
        let words = (0..<2_000).map { i in "w\(String(i * 7_919 % 10_007, radix: 36))\(i % 13 == 0 ? "é" : "")" }
        let corpus = cli.folder.appendingPathComponent("corpus").path
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        _ = try cli.write("corpus/words.txt", words.joined(separator: " "))
        let stream = cli.folder.appendingPathComponent("stream").path
        let written = try await cli.run(["dedup", "--bench", corpus, "--bench-write", stream, "--docs", "900", "--words", "150"],
                                        useDatabase: false)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("900 documents"))

        var outputs: [String: [String]] = [:]
        for threads in ["1", "2"] {
            for format in ["json", "text"] {
                let run = try await cli.run(["dedup", "--format", format, "--threads", threads, stream], useDatabase: false)
                #expect(run.status == 0, "\(run.stderr)")
                outputs[format, default: []].append(run.stdout)
            }
        }
        #expect(outputs["json"]![0] == outputs["json"]![1])
        #expect(outputs["text"]![0] == outputs["text"]![1])
        // The generator's copies were found: fewer stories than documents.
        let header = outputs["text"]![0].split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.hasPrefix("900 documents, "))
        let stories = Int(header.split(separator: " ")[2]) ?? 900
        #expect(stories < 600, "\(header)")

        let zero = try await cli.run(["dedup", "--threads", "0", stream], useDatabase: false)
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--threads must be at least 1"))
    }
}
