import ArgumentParser
import Digest
import Foundation
import Storage
import SyndicCore

/// `syndic story ID`: one story with every copy and the representative's text.
struct StoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story",
        abstract: "Show one story: every copy, its similarity, and the representative's text.",
        discussion: """
        The representative is the copy whose text stands for the story (the earliest with full
        article text). Similarity is how close each copy was to it when the copy joined (0 to 1).

        Examples:
          syndic story 42
          syndic story 42 --format json | jq '.entries[] | {site, similarity}'
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The story id, as `syndic stories` lists it.")
    var id: Int64

    @Option(help: "text or json.")
    var format: Format = .text

    func run() async throws {
        let db = try await global.openStore(.readOnly)
        let detail = try await db.story(id: id)
        switch format {
        case .json: Output.json(StoryJSON.detail(detail))
        case .text: Output.print(String(Self.text(detail).dropLast()))
        }
    }

    /// The text view: header, copies, then the representative's text wrapped at 78 columns.
    static func text(_ detail: StoryDetail) -> String {
        let story = detail.summary
        var out = "Story \(story.id): \(PlainText.singleLine(PlainText.fromHTML(story.headline)))\n"
        out += "\(story.sourceCount) \(story.sourceCount == 1 ? "source" : "sources") · first seen \(InternetDate.short(story.firstSeenAt))"
        out += " · last seen \(InternetDate.short(story.lastSeenAt))\n\nCopies:\n"
        for copy in story.copies {
            let representative = copy.entryID == story.representativeEntryID
            out += "  * \(PlainText.singleLine(copy.site))\(representative ? "  (representative)" : "")\n"
            out += "    \(PlainText.singleLine(PlainText.fromHTML(copy.title ?? "(untitled)")))\n"
            if let url = copy.url { out += "    \(SafeURL.check(url) ?? "(unsafe link hidden)")\n" }
            var facts: [String] = []
            if let published = copy.publishedAt { facts.append("published \(InternetDate.short(published))") }
            facts.append("seen \(InternetDate.short(copy.firstSeenAt))")
            if let similarity = copy.similarity { facts.append(String(format: "similarity %.2f", similarity)) }
            out += "    " + facts.joined(separator: " · ") + "\n"
        }
        let paragraphs = RepresentativeText.paragraphs(detail)
        out += "\nText of the representative:\n"
        if paragraphs.isEmpty { out += "  (no text: the feed gave none and the page was not extracted)\n" }
        for paragraph in paragraphs {
            out += "\n" + TextWrap.wrap(paragraph, indent: "  ")
        }
        return out
    }
}

/// Greedy word wrap for terminal output.
enum TextWrap {
    static func wrap(_ text: String, indent: String, width: Int = 78) -> String {
        var out = ""
        var line = indent
        var hasWord = false
        for word in text.split(separator: " ") {
            if hasWord, line.count + 1 + word.count > width {
                out += line + "\n"; line = indent; hasWord = false
            }
            line += (hasWord ? " " : "") + word
            hasWord = true
        }
        return out + line + "\n"
    }
}
