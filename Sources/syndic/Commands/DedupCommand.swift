import ArgumentParser
import Dedup
import Foundation
import SyndicCore

/// `syndic dedup PATH...`: clusters text files offline into stories, the way a poll would.
struct DedupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedup",
        abstract: "Group files that are copies of the same story.",
        discussion: """
        Reads .txt files as text and .html files through a crude tag stripper (see docs/DEDUP.md), \
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
            let corpus = try DocumentFiles.collect([bench]).map { try DocumentFiles.text(of: $0) }.joined(separator: "\n\n")
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
        for file in files { documents.append((DocumentFiles.baseName(file), try DocumentFiles.text(of: file))) }
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
                }
                print("  \(marker) \(names[Int(member)])\(detail)")
            }
        }
    }
}

/// Reading documents for the offline commands (`dedup`, `explain`).
enum DocumentFiles {
    /// Turns page HTML into story text. Placeholder until Extraction lands: strips tags, script
    /// and style crudely (no boilerplate removal). Replace with the ArticleExtractor at merge.
    static let htmlToText: @Sendable (String) -> String = CrudeHTMLText.text(of:)

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

    static func text(of path: String) throws(DedupInputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let text = String(decoding: data, as: UTF8.self)
        return (path as NSString).pathExtension.lowercased() == "txt" ? text : htmlToText(text)
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

/// Strips markup crudely: drops script/style/noscript bodies and tags, decodes a few entities.
/// Keeps all visible text, navigation and footers included (no boilerplate removal).
enum CrudeHTMLText {
    static func text(of html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count / 2)
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            out += rest[..<open]
            rest = rest[open...]
            let lower = rest.prefix(10).lowercased()
            var skipUntil: String?
            for tag in ["script", "style", "noscript"] where lower.hasPrefix("<" + tag) { skipUntil = "</" + tag }
            if let end = skipUntil {
                if let r = rest.range(of: end, options: .caseInsensitive) {
                    rest = rest[r.upperBound...]
                } else {
                    rest = ""
                }
            }
            if let close = rest.firstIndex(of: ">") {
                rest = rest[rest.index(after: close)...]
                out += " "
            } else {
                rest = ""
            }
        }
        out += rest
        for (entity, value) in [("&nbsp;", " "), ("&amp;", "&"), ("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }
}

func formatRatio(_ value: Double) -> String {
    String(format: "%.3f", value)
}

func jsonString(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
    }
    return out + "\""
}

extension DedupBenchmark.Mode: ExpressibleByArgument {}
