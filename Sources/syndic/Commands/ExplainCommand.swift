import ArgumentParser
import Dedup

/// `syndic explain A B`: every figure behind the decision whether two documents are one story.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why two documents are (or are not) copies of one story.",
        discussion: """
        Prints shingle counts, estimated and exact Jaccard, containment both ways, shared LSH bands \
        and the decision with its reason. Two files for now (.txt, or .html through a crude tag \
        stripper); entry ids will be accepted once the Pipeline stores signatures.

        Example:
          syndic explain reuters.txt local-paper.txt
        """
    )

    @Argument(help: "Two .txt or .html files.")
    var documents: [String]

    @Option(help: "Jaccard similarity (0-1) at or above which two documents are copies.")
    var threshold: Double = DedupConfiguration().threshold

    func validate() throws {
        guard documents.count == 2 else { throw ValidationError("give exactly two files, e.g. syndic explain a.txt b.txt") }
        guard threshold > 0 && threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1], e.g. 0.5") }
    }

    func run() throws {
        var configuration = DedupConfiguration()
        configuration.threshold = threshold
        var builder = SignatureBuilder(configuration: configuration)
        let a = builder.signature(of: try DocumentFiles.text(of: documents[0]))
        let b = builder.signature(of: try DocumentFiles.text(of: documents[1]))
        let c = PairVerifier(configuration: configuration).compare(a, b)
        let nameA = DocumentFiles.baseName(documents[0]), nameB = DocumentFiles.baseName(documents[1])
        let banding = configuration.banding
        print("A: \(nameA)  \(c.shingleCounts.first) shingles (\(configuration.shingleSize)-word)")
        print("B: \(nameB)  \(c.shingleCounts.second) shingles")
        print("estimated Jaccard  \(formatRatio(c.estimatedJaccard))  (\(configuration.laneCount) MinHash lanes)")
        print("exact Jaccard      \(c.exactJaccard.map(formatRatio) ?? "n/a")")
        print("containment A in B \(c.containmentOfFirst.map(formatRatio) ?? "n/a")")
        print("containment B in A \(c.containmentOfSecond.map(formatRatio) ?? "n/a")")
        print("shared LSH bands   \(c.sharedBands) of \(banding.bands) (\(banding), tuned for Jaccard \(configuration.candidateThreshold))")
        let verdict = c.isMatch ? "SAME STORY" : "DIFFERENT STORIES"
        print("decision           \(verdict): \(explanation(c, configuration))")
    }

    private func explanation(_ c: PairComparison, _ config: DedupConfiguration) -> String {
        switch c.reason {
        case .jaccard, .estimatedJaccard:
            return "Jaccard \(formatRatio(c.similarity)) ≥ threshold \(config.threshold)"
        case .containment, .estimatedContainment:
            return "the shorter text is \(formatRatio(c.similarity)) contained in the longer (≥ \(config.containmentThreshold)): truncated copy or summary"
        case .tooShort:
            return "the shorter text has fewer than \(config.minimumContainmentShingles) shingles, too short for containment to count"
        case .belowThreshold:
            return "Jaccard below \(config.threshold) and containment below \(config.containmentThreshold)"
        }
    }
}
