import ArgumentParser
import Dedup
import Foundation
import Storage
import SyndicCore

/// `syndic explain A B`: every figure behind the decision whether two documents are one story.
struct ExplainCommand: AsyncParsableCommand {
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

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Two entry ids, or two .txt / .html files.")
    var documents: [String]

    @Option(help: "Jaccard similarity (0-1) at or above which two documents are copies.")
    var threshold: Double = DedupConfiguration().threshold

    func validate() throws {
        guard documents.count == 2 else { throw ValidationError("give exactly two entry ids or two files, e.g. syndic explain 812 907") }
        guard threshold > 0 && threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1], e.g. 0.5") }
    }

    func run() async throws {
        var configuration = DedupConfiguration()
        configuration.threshold = threshold
        let (a, b, nameA, nameB) = try await loadPair(configuration)
        let c = PairVerifier(configuration: configuration).compare(a, b)
        let banding = configuration.banding
        print("A: \(nameA)  \(c.shingleCounts.first) shingles (\(configuration.shingleSize)-word)")
        print("B: \(nameB)  \(c.shingleCounts.second) shingles")
        print("estimated Jaccard  \(formatRatio(c.estimatedJaccard))  (\(configuration.laneCount) MinHash lanes)")
        print("exact Jaccard      \(c.exactJaccard.map(formatRatio) ?? "n/a")")
        print("containment A in B \(c.containmentOfFirst.map(formatRatio) ?? "n/a")")
        print("containment B in A \(c.containmentOfSecond.map(formatRatio) ?? "n/a")")
        if let a = c.alignment {
            print("paragraphs found   A: \(a.first.found) of \(a.first.paragraphs) (\(formatRatio(a.first.coveredShare)) of A, longest run \(a.first.longestRun)); B: \(a.second.found) of \(a.second.paragraphs) (\(formatRatio(a.second.coveredShare)) of B, longest run \(a.second.longestRun))")
        }
        print("shared LSH bands   \(c.sharedBands) of \(banding.bands) (\(banding), tuned for Jaccard \(configuration.candidateThreshold))")
        let verdict = c.isMatch ? "SAME STORY" : "DIFFERENT STORIES"
        print("decision           \(verdict): \(explanation(c, configuration))")
    }

    /// Both documents: stored signatures of two entries, or signatures of two files.
    private func loadPair(_ configuration: DedupConfiguration) async throws -> (DocumentSignature, DocumentSignature, String, String) {
        let ids = documents.compactMap(Int64.init)
        if ids.count == 2, !documents.contains(where: { FileManager.default.fileExists(atPath: $0) }) {
            let db = try await global.openStore(.readOnly)
            var signatures: [DocumentSignature] = []
            var names: [String] = []
            for id in ids {
                guard let entry = try await db.entry(id: id) else { throw ExplainError.entryNotFound(id) }
                guard let stored = try await db.signature(entryID: id), let signature = try? DocumentSignature(bytes: stored.minhash) else {
                    throw ExplainError.notSigned(id)
                }
                signatures.append(signature)
                let cut = entry.cutFields.isEmpty ? "" : " [cut to size: " + entry.cutFields.map(\.cutDescription).joined(separator: ", ") + "]"
                names.append("entry \(id) (story \(entry.storyID.map(String.init) ?? "-"), \(stored.source.rawValue) text): \(entry.title ?? "")\(cut)")
            }
            return (signatures[0], signatures[1], names[0], names[1])
        }
        var builder = SignatureBuilder(configuration: configuration)
        let texts = try DocumentFiles.texts(of: documents)
        return (builder.signature(of: texts[0]), builder.signature(of: texts[1]),
                DocumentFiles.baseName(documents[0]), DocumentFiles.baseName(documents[1]))
    }

    private func explanation(_ c: PairComparison, _ config: DedupConfiguration) -> String {
        switch c.reason {
        case .jaccard, .estimatedJaccard:
            return "Jaccard \(formatRatio(c.similarity)) ≥ threshold \(config.threshold)"
        case .containment, .estimatedContainment:
            return "the shorter text is \(formatRatio(c.similarity)) contained in the longer (≥ \(config.containmentThreshold)): truncated copy or summary"
        case .alignedParagraphs:
            return "\(formatRatio(c.similarity)) of the shorter text lies in paragraphs found in the longer (≥ \(config.alignedShareThreshold)), with a run of at least \(config.minimumAlignedRun): edited copy"
        case .tooShort:
            return "the shorter text has fewer than \(config.minimumContainmentShingles) shingles, too short for containment to count"
        case .belowThreshold:
            return "Jaccard below \(config.threshold), containment below \(config.containmentThreshold) and paragraphs found in the other below \(config.alignedShareThreshold) of the shorter text"
        }
    }
}

/// Why `syndic explain` cannot compare two entries (a usage error is ArgumentParser's, exit 64).
enum ExplainError: UserFacingError, Equatable {
    /// No entry has this id.
    case entryNotFound(Int64)
    /// The entry exists but has no signature yet (stored by a poll that has not finished it).
    case notSigned(Int64)

    var exitCode: SyndicExitCode { .noInput }

    var description: String {
        switch self {
        case .entryNotFound(let id):
            return "no entry has id \(id); `syndic story ID --format json` lists a story's entries with their ids"
        case .notSigned(let id):
            return "entry \(id) has no signature yet; run `syndic poll` to finish it"
        }
    }
}
