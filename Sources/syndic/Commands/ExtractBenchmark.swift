import Extraction
import Foundation

/// `syndic extract --bench PATH…`: loads every page into memory, then extracts them all in one
/// thread and prints pages/s and MB/s (file reading excluded; best of three rounds).
struct ExtractBenchmark {
    let paths: [String]

    /// CPU time of the calling thread: unlike wall time, not inflated by other processes on a busy machine.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    func run() throws {
        var pages: [[UInt8]] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ExtractInputError.unreadable(path)
            }
            let files = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                    .filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.map { path + "/" + $0 }
                : [path]
            for file in files {
                if let data = FileManager.default.contents(atPath: file) { pages.append([UInt8](data)) }
            }
        }
        let megabytes = Double(pages.reduce(0) { $0 + $1.count }) / 1_000_000
        var best = Double.infinity
        var bestCPU = Double.infinity
        var failures = 0
        var characters = 0
        for _ in 0..<3 {
            failures = 0
            characters = 0
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.threadCPUSeconds()
            for page in pages {
                do {
                    characters += try ArticleExtractor.extract(html: page).article.text.utf8.count
                } catch {
                    failures += 1
                }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - cpuStart)
        }
        let line = String(
            format: "%d pages, %.1f MB in %.3f s wall: %.0f pages/s, %.1f MB/s; thread CPU %.3f s: %.0f pages/s "
                + "(single thread, best of 3; %d errors, %d text bytes)\n",
            pages.count, megabytes, best, Double(pages.count) / best, megabytes / best, bestCPU,
            Double(pages.count) / bestCPU, failures, characters)
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
