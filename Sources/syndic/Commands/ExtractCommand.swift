import ArgumentParser
import Extraction
import Foundation
import SyndicCore

/// `syndic extract …`: the story text out of saved web pages, for inspection, scoring and benchmarks.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the story text and metadata from saved HTML pages.",
        discussion: """
        Reads local files (or file:// URLs); it does not download. Examples:
          syndic extract page.html --url https://example.org/story
          syndic extract a.html b.html --format jsonl
          syndic extract page.html --explain
          syndic extract --manifest pages.jsonl --out texts.jsonl
          syndic extract --bench pages/
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @Argument(help: "HTML files or file:// URLs (with --bench: files or folders of .html files).")
    var inputs: [String] = []

    @Option(help: "The page's address, for resolving relative links (single input).")
    var url: String?

    @Option(help: "Output format: text, json or jsonl.")
    var format: Format = .text

    @Flag(help: "Also list the blocks that were removed and why.")
    var explain = false

    @Option(help: "Batch mode: a JSON-lines file of {\"id\",\"url\",\"html\"} (html = path).")
    var manifest: String?

    @Option(help: "Batch mode: where to write JSON lines {\"id\",\"text\",\"seconds\"} (default stdout).")
    var out: String?

    @Flag(help: "Benchmark: extract every input page in one thread and print pages/s.")
    var bench = false

    func validate() throws {
        if manifest == nil, inputs.isEmpty { throw ValidationError("Give at least one HTML file, or --manifest.") }
        if let url, !url.isEmpty, inputs.count > 1 { throw ValidationError("--url applies to a single input file.") }
    }

    func run() throws {
        if let manifest {
            try ExtractBatch(manifestPath: manifest, outputPath: out).run()
            return
        }
        if bench {
            try ExtractBenchmark(paths: inputs).run()
            return
        }
        var failure: SyndicExitCode?
        for input in inputs {
            do {
                try extractOne(input)
            } catch {
                FileHandle.standardError.write(Data("syndic extract: \(input): \(error.description)\n".utf8))
                failure = error.exitCode
            }
        }
        if let failure { throw ExitCode(failure.rawValue) }
    }

    private func extractOne(_ input: String) throws(ExtractInputError) {
        let path = try ExtractInputError.localPath(input)
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let pageURL = url ?? (input.hasPrefix("file://") ? input : nil)
        let result: ExtractionResult
        do {
            result = try ArticleExtractor.extract(html: data, url: pageURL)
        } catch {
            throw .extraction(error)
        }
        let article = result.article
        switch format {
        case .text:
            var output = article.text + "\n"
            if explain { output += ExtractOutput.explanation(result.removed) }
            FileHandle.standardOutput.write(Data(output.utf8))
        case .json, .jsonl:
            let record = ExtractOutput.Record(
                file: format == .jsonl ? input : nil, url: pageURL, article: article,
                removed: explain ? result.removed : nil)
            FileHandle.standardOutput.write(record.orderedJSON(pretty: format == .json) + Data("\n".utf8))
        }
    }
}

/// Why one input of `syndic extract` failed.
enum ExtractInputError: UserFacingError {
    case notLocal(String)
    case unreadable(String)
    case extraction(ExtractionError)

    static func localPath(_ input: String) throws(ExtractInputError) -> String {
        if input.hasPrefix("file://") {
            return URL(string: input)?.path ?? String(input.dropFirst("file://".count))
        }
        if input.hasPrefix("http://") || input.hasPrefix("https://") { throw .notLocal(input) }
        return input
    }

    var description: String {
        switch self {
        case .notLocal:
            return "extract reads saved pages only; download it first (curl -o page.html URL) and pass the file."
        case .unreadable(let path):
            return "cannot read \(path); check the path and permissions."
        case .extraction(let error):
            return error.description
        }
    }

    var exitCode: SyndicExitCode {
        switch self {
        case .notLocal: return .usage
        case .unreadable: return .noInput
        case .extraction(let error): return error.exitCode
        }
    }
}
