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

    @Option(help: .hidden)
    var bench: String?

    @Option(help: .hidden)
    var docs: Int = 20_000

    @Option(help: .hidden)
    var words: Int = 500

    @Option(help: .hidden)
    var benchMode: DedupBenchmark.Mode = .all

    func validate() throws {
        guard threshold > 0 && threshold <= 1 else {
            throw ValidationError("--threshold must be in (0, 1], e.g. 0.5")
        }
        guard bench != nil || !paths.isEmpty else {
            throw ValidationError("give at least one file or folder, e.g. syndic dedup ~/clips")
        }
    }

    func run() throws {
        if let bench {
            let corpus = try DocumentFiles.texts(of: DocumentFiles.collect([bench])).joined(separator: "\n\n")
            DedupBenchmark(corpusText: corpus, wordsPerDocument: words)
                .run(mode: benchMode, documents: docs) { line in
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            return
        }
        var configuration = DedupConfiguration()
        configuration.threshold = threshold
        let files = try DocumentFiles.collect(paths)
        var documents: [(name: String, text: String)] = []
        for (file, text) in zip(files, try DocumentFiles.texts(of: files)) { documents.append((DocumentFiles.baseName(file), text)) }
        let result = BatchClustering.cluster(documents, configuration: configuration)
        let names = documents.map(\.name)
        switch format {
        case .json: printJSON(names, result)
        case .text: printText(names, result)
        }
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
                for child in children.sorted() where isDocument(child) {
                    files.append((path as NSString).appendingPathComponent(child))
                }
            } else {
                guard isDocument(path) else { throw .unsupported(path) }
                files.append(path)
            }
        }
        return files
    }

    static func isDocument(_ path: String) -> Bool {
        ["txt", "html", "htm"].contains((path as NSString).pathExtension.lowercased())
    }

    static func baseName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// The story text of one file: `.txt` as it is, a page through the article extractor.
    static func text(of path: String) throws(DedupInputError) -> String {
        try texts(of: [path])[0]
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
        let isPage = paths.map { (($0 as NSString).pathExtension.lowercased()) != "txt" }
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

    var exitCode: SyndicExitCode {
        switch self {
        case .notFound, .unreadable: return .noInput
        case .unsupported: return .usage
        }
    }

    var description: String {
        switch self {
        case .notFound(let p): return "'\(p)' does not exist; give an existing file or folder"
        case .unreadable(let p): return "cannot read '\(p)'; check its permissions"
        case .unsupported(let p): return "'\(p)' is not a .txt or .html file; rename it or convert it to text"
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
