import ArgumentParser
import Extraction
import Fetch
import Foundation
import SyndicCore

/// `syndic extract …`: the story text out of saved web pages, for inspection, scoring and benchmarks.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the story text and metadata from news pages.",
        discussion: """
        Reads local files, file:// URLs, or http(s) URLs (fetched once, as a poll would). Examples:
          syndic extract https://example.org/2026/11/story.html
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

    @Argument(help: "HTML files, file:// or http(s) URLs (with --bench: files or folders of .html files).")
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

    @OptionGroup var network: NetworkOptions

    func validate() throws {
        if manifest == nil, inputs.isEmpty { throw ValidationError("Give at least one HTML file, or --manifest.") }
        if let url, !url.isEmpty, inputs.count > 1 { throw ValidationError("--url applies to a single input file.") }
    }

    func run() async throws {
        if let manifest {
            try ExtractBatch(manifestPath: manifest, outputPath: out, explain: explain).run()
            return
        }
        if bench {
            try ExtractBenchmark(paths: inputs).run()
            return
        }
        var failure: SyndicExitCode?
        let fetcher = Fetcher(policy: try network.fetchPolicy())
        for input in inputs {
            do {
                try extractOne(input, try await LoadedInput.load(input, fetcher: fetcher))
            } catch let error as any UserFacingError {
                FileHandle.standardError.write(Data("syndic extract: \(input): \(error.description)\n".utf8))
                failure = error.exitCode
            }
        }
        if let failure { throw ExitCode(failure.rawValue) }
    }

    private func extractOne(_ input: String, _ loaded: LoadedInput) throws(ExtractInputError) {
        let pageURL = url ?? loaded.url
        let result: ExtractionResult
        do {
            result = try ArticleExtractor.extract(html: loaded.bytes, url: pageURL, httpCharset: loaded.httpCharset)
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
    case unreadable(String)
    case extraction(ExtractionError)

    var description: String {
        switch self {
        case .unreadable(let path):
            return "cannot read \(path); check the path and permissions."
        case .extraction(let error):
            return error.description
        }
    }

    var exitCode: SyndicExitCode {
        switch self {
        case .unreadable: return .noInput
        case .extraction(let error): return error.exitCode
        }
    }
}
