import ArgumentParser
import Dedup
import Extraction
import Foundation
import SyndicCore

/// `syndic dedup PATH...`: clusters text files offline into stories, the way a poll would.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Group files that are copies of the same story.",
        discussion: """
        Reads .txt files as text and .html files through the article extractor (boilerplate out, \
        with each site's repeated blocks learned across the given pages), \
        from the given files and folders (not recursive). Longer documents are processed first so \
        each story's representative is its fullest copy. Cluster ids are the file name of the \
        document that started the story.

        Examples:
          syndic dedup ~/clips
          syndic dedup --format json --threshold 0.6 a.txt b.txt c.html
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Files or folders of .txt / .html documents.")
    var paths: [String] = []

    @Option(help: "text: one story per paragraph; json: {\"<file name>\": \"<cluster id>\"}.")
    var format: Format = .text

    @Option(help: "Jaccard similarity (0-1) at or above which two documents are copies.")
    var threshold: Double = DedupConfiguration().threshold

    @Option(help: "Threads that read and sign the documents (default: one per core). Clustering runs on one thread; the result is the same for any N.")
    var threads: Int?

    /// Prints how long reading + signing, clustering and output took to stderr.
    @Flag(help: .hidden)
    var timings = false

    @Option(help: .hidden)
    var bench: String?

    @Option(help: .hidden)
    var docs: Int = 20_000

    @Option(help: .hidden)
    var words: Int = 500

    @Option(help: .hidden)
    var benchMode: DedupBenchmark.Mode = .all

    /// With `--bench CORPUS`: writes `--docs` generated documents (the scale benchmark's stories and
    /// copies, `SyntheticStories`) as `DIR/NNNNNN.txt` with their groups in `DIR/labels.json`, for
    /// timing `syndic dedup DIR` end to end (scripts/bench.sh dedup).
    @Option(help: .hidden)
    var benchWrite: String?

    func validate() throws {
        guard threshold > 0 && threshold <= 1 else {
            throw ValidationError("--threshold must be in (0, 1], e.g. 0.5")
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1, e.g. --threads 2")
        }
        guard bench != nil || !paths.isEmpty else {
            throw ValidationError("give at least one file or folder, e.g. syndic dedup ~/clips")
        }
    }

    func run() throws {
        if let bench {
            let corpus = try DocumentFiles.texts(of: DocumentFiles.collect([bench])).joined(separator: "\n\n")
            if let benchWrite { return try writeSyntheticFiles(corpus: corpus, to: benchWrite) }
            DedupBenchmark(corpusText: corpus, wordsPerDocument: words)
                .run(mode: benchMode, documents: docs) { line in
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            return
        }
        var configuration = DedupConfiguration()
        configuration.threshold = threshold
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.processCPUSeconds()
        let files = try DocumentFiles.collect(paths)
        let names = files.map(DocumentFiles.baseName)
        let signatures = try DocumentFiles.signatures(of: files, threads: threads ?? BatchClustering.defaultThreads,
                                                      configuration: configuration)
        let signed = clock.now
        let cpuSigned = Self.processCPUSeconds()
        let result = BatchClustering.cluster(names: names, signatures: signatures, configuration: configuration)
        let clustered = clock.now
        let cpuClustered = Self.processCPUSeconds()
        defer {
            if timings {
                func ms(_ d: Duration) -> String { String(format: "%.0f", Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15) }
                func ms(_ s: Double) -> String { String(format: "%.0f", s * 1e3) }
                let line = "dedup timings (ms, wall/CPU): \(files.count) documents; read + sign \(ms(signed - start))/\(ms(cpuSigned - cpuStart)) "
                    + "(\(threads ?? BatchClustering.defaultThreads) threads), cluster \(ms(clustered - signed))/\(ms(cpuClustered - cpuSigned)), "
                    + "output \(ms(clock.now - clustered))/\(ms(Self.processCPUSeconds() - cpuClustered))\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        switch format {
        case .json: printJSON(names, result)
        case .text: printText(names, result)
        }
    }

    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// See ``benchWrite``.
    private func writeSyntheticFiles(corpus: String, to dir: String) throws {
        let vocabulary = corpus.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        let generator = SyntheticStories(vocabulary: vocabulary, wordsPerDocument: words)
        do { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) } catch { throw DedupInputError.unwritable(dir) }
        var labels: [String] = []
        var written = 0
        var group = 0
        while written < docs {
            for text in generator.group(group) where written < docs {
                let name = String(format: "%06d", written)
                let path = dir + "/" + name + ".txt"
                guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                    throw DedupInputError.unwritable(path)
                }
                labels.append("  \(jsonString(name)): {\"cluster\": \"g\(group)\", \"source_story\": \"g\(group)\"}")
                written += 1
            }
            group += 1
        }
        let labelsPath = dir + "/labels.json"
        guard FileManager.default.createFile(atPath: labelsPath, contents: Data(("{\n" + labels.joined(separator: ",\n") + "\n}\n").utf8)) else {
            throw DedupInputError.unwritable(labelsPath)
        }
        print("\(written) documents in \(group) groups written to \(dir)")
    }

    private func printJSON(_ names: [String], _ result: BatchClustering.Result) {
        var lines: [String] = []
        for (index, name) in names.enumerated().sorted(by: { $0.element < $1.element }) {
            lines.append("  \(jsonString(name)): \(jsonString(names[result.storyOf[index]]))")
        }
        print("{\n" + lines.joined(separator: ",\n") + "\n}")
    }

    private func printText(_ names: [String], _ result: BatchClustering.Result) {
        let stories = result.stories.sorted { names[Int($0.key)] < names[Int($1.key)] }
        print("\(names.count) documents, \(stories.count) stories")
        for story in stories {
            print("")
            print("story \(names[Int(story.key)]) (\(story.members.count) documents)")
            for member in story.members {
                let marker = member == story.representative ? "*" : " "
                var detail = ""
                if case .joined(_, let matched, let similarity, let reason) = result.assignments[Int(member)] {
                    detail = "  \(reason.rawValue) \(formatRatio(similarity)) with \(names[Int(matched)])"
                } else if let overlapped = result.roundups[Int(member)] {
                    detail = "  roundup: one paragraph each of stories \(overlapped.map { names[$0] }.joined(separator: ", ")), kept apart"
                }
                print("  \(marker) \(names[Int(member)])\(detail)")
            }
            for merge in result.merges where merge.into == story.key {
                print("  merged story \(names[Int(merge.from)]) (\(merge.documents.count) documents): "
                      + "\(names[Int(merge.bridge)]) is a near-whole copy of both (Jaccard \(formatRatio(merge.jaccard)) with it)")
            }
        }
    }
}

/// Reading documents for the offline commands (`dedup`, `explain`).
enum DocumentFiles {
    /// `.txt` and `.html`/`.htm` files of `paths`; folders contribute their direct children, sorted.
    static func collect(_ paths: [String]) throws(DedupInputError) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            if isDirectory.boolValue {
                guard let children = try? fm.contentsOfDirectory(atPath: path) else { throw .unreadable(path) }
                let folder = path.hasSuffix("/") ? path : path + "/"
                for child in children.sorted() where isDocument(child) { files.append(folder + child) }
            } else {
                guard isDocument(path) else { throw .unsupported(path) }
                files.append(path)
            }
        }
        return files
    }

    static func isDocument(_ path: String) -> Bool {
        ["txt", "html", "htm"].contains(pathExtension(path))
    }

    /// The lower-cased extension of the last path component ("" for none or a leading dot only),
    /// as `NSString.pathExtension` gives it, without bridging (20,000 files: 4 % of `dedup`).
    static func pathExtension(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func lastComponent(_ path: String) -> Substring {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/"), trimmed.count > 1 else { return trimmed }
        return trimmed[trimmed.index(after: slash)...]
    }

    static func baseName(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return String(name) }
        return String(name[..<dot])
    }

    /// The story text of one file: `.txt` as it is, a page through the article extractor.
    static func text(of path: String) throws(DedupInputError) -> String {
        try texts(of: [path])[0]
    }

    /// Signatures of `paths`, in order, built on `threads` threads. A `.txt` file is read and signed
    /// by the thread that takes it (its text is not kept); pages are extracted first, as in
    /// ``texts(of:)`` (their template is learned across all of them), then signed in parallel.
    static func signatures(of paths: [String], threads: Int,
                           configuration: DedupConfiguration) throws(DedupInputError) -> [DocumentSignature] {
        let isPage = paths.map { pathExtension($0) != "txt" }
        let pageIndices = paths.indices.filter { isPage[$0] }
        var pageTexts: [Int: String] = [:]
        if !pageIndices.isEmpty {
            for (i, text) in zip(pageIndices, try texts(of: pageIndices.map { paths[$0] })) { pageTexts[i] = text }
        }
        let pages = pageTexts
        // Failed reads are noted per document and reported afterwards, the first in input order.
        var unreadable = [Bool](repeating: false, count: paths.count)
        let signatures = unreadable.withUnsafeMutableBufferPointer { failed in
            nonisolated(unsafe) let failed = failed
            return BatchClustering.sign(count: paths.count, threads: threads, configuration: configuration) { i in
                if let page = pages[i] { return page }
                guard let data = FileManager.default.contents(atPath: paths[i]) else { failed[i] = true; return "" }
                return String(decoding: data, as: UTF8.self)
            }
        }
        if let first = unreadable.firstIndex(of: true) { throw .unreadable(paths[first]) }
        return signatures
    }

    /// The story texts of several files. Pages go through the article extractor twice: the first
    /// pass learns each site's template (text blocks repeated on ≥ 3 of its pages: author bios,
    /// disclaimers, newsletter boxes), the second drops them — as a poll does over time.
    static func texts(of paths: [String]) throws(DedupInputError) -> [String] {
        var bytes: [[UInt8]] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
            bytes.append(Array(data))
        }
        let isPage = paths.map { pathExtension($0) != "txt" }
        var site: [String?] = Array(repeating: nil, count: paths.count)
        var pagesWithBlock: [String: [UInt64: Int]] = [:]
        for i in paths.indices where isPage[i] {
            guard let result = try? ArticleExtractor.extract(html: bytes[i]) else { continue }
            let key = result.article.canonicalURL.flatMap { URLComponents(string: $0)?.host?.lowercased() }
            site[i] = key
            guard let key else { continue }
            for hash in Set(result.blockHashes) { pagesWithBlock[key, default: [:]][hash, default: 0] += 1 }
        }
        return paths.indices.map { i in
            guard isPage[i] else { return String(decoding: bytes[i], as: UTF8.self) }
            let template = site[i].map { key in
                SiteTemplate(blockHashes: Set((pagesWithBlock[key] ?? [:]).filter { $0.value >= SiteTemplate.minimumPages }.keys))
            }
            return (try? ArticleExtractor.extract(html: bytes[i], template: template))?.article.text ?? ""
        }
    }
}

/// Why `syndic dedup` or `syndic explain` could not read its input.
enum DedupInputError: UserFacingError {
    case notFound(String)
    case unreadable(String)
    case unsupported(String)
    /// A benchmark file could not be written.
    case unwritable(String)

    var exitCode: SyndicExitCode {
        switch self {
        case .notFound, .unreadable: return .noInput
        case .unwritable: return .cannotCreate
        case .unsupported: return .usage
        }
    }

    var description: String {
        switch self {
        case .notFound(let p): return "'\(p)' does not exist; give an existing file or folder"
        case .unreadable(let p): return "cannot read '\(p)'; check its permissions"
        case .unsupported(let p): return "'\(p)' is not a .txt or .html file; rename it or convert it to text"
        case .unwritable(let p): return "cannot write '\(p)'; check that its folder is writable and the disk is not full"
        }
    }
}

func formatRatio(_ value: Double) -> String {
    String(format: "%.3f", value)
}

/// A JSON string literal for `s`.
func jsonString(_ s: String) -> String {
    var out = ""
    JSONValue.escape(s, into: &out)
    return out
}

extension DedupBenchmark.Mode: ExpressibleByArgument {}
