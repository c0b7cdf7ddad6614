import Foundation

/// The lead of a story: its first one to three sentences, from the best text the representative has.
public enum Lead {
    /// Builds a lead from the representative's extracted article text, else its feed content,
    /// else its feed summary (the first that yields text). Paragraphs that only repeat the headline
    /// or look like a byline or a stray label ("By Jane Doe", "Advertisement") are skipped, and so
    /// are syndication notes ("This story was first published by …", "(Updated …)").
    ///
    /// - Parameters:
    ///   - maxSentences: at most this many sentences (1 to 3 makes a lead).
    ///   - maxCharacters: the lead stops before a sentence that would pass this length; a first
    ///     sentence longer than it is cut at a word boundary and ends with "…".
    public static func make(articleText: String?, contentHTML: String?, summaryHTML: String?, headline: String,
                            maxSentences: Int = 3, maxCharacters: Int = 360) -> String {
        let candidates: [[String]] = [
            articleText.map(PlainText.paragraphs(fromText:)) ?? [],
            contentHTML.map(PlainText.paragraphs(fromHTML:)) ?? [],
            summaryHTML.map(PlainText.paragraphs(fromHTML:)) ?? [],
        ]
        let normalizedHeadline = comparable(headline)
        for paragraphs in candidates {
            let body = paragraphs.filter { comparable($0) != normalizedHeadline && !isLabel($0) }
            guard !body.isEmpty else { continue }
            return compose(body, maxSentences: maxSentences, maxCharacters: maxCharacters)
        }
        return ""
    }

    static func compose(_ paragraphs: [String], maxSentences: Int, maxCharacters: Int) -> String {
        var chosen: [String] = []
        var length = 0
        outer: for paragraph in paragraphs {
            for sentence in SentenceSplitter.sentences(in: paragraph) where !isSyndicationNote(sentence) {
                if chosen.isEmpty {
                    chosen.append(sentence.count > maxCharacters ? cut(sentence, to: maxCharacters) : sentence)
                    length = chosen[0].count
                } else if chosen.count < maxSentences, length + 1 + sentence.count <= maxCharacters {
                    chosen.append(sentence)
                    length += 1 + sentence.count
                } else {
                    break outer
                }
                if chosen.count >= maxSentences { break outer }
            }
        }
        return chosen.joined(separator: " ")
    }

    /// Notes that wire copies add and that say nothing about the story.
    static let notePrefixes = [
        "this story was first published", "this story was originally published", "this article was first published",
        "this article was originally published", "this story originally appeared", "this article originally appeared",
        "first published", "originally published", "(updated", "updated:", "advertisement",
    ]

    /// "This story was first published by …", "(Updated with new details throughout.)" and the like.
    static func isSyndicationNote(_ sentence: String) -> Bool {
        let lowered = sentence.lowercased()
        return notePrefixes.contains { lowered.hasPrefix($0) }
    }

    /// Cuts at the last space before `limit` characters and appends an ellipsis.
    static func cut(_ text: String, to limit: Int) -> String {
        let prefix = text.prefix(limit)
        let end = prefix.lastIndex(of: " ") ?? prefix.endIndex
        return String(prefix[..<end]).trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }

    /// A short paragraph without sentence punctuation: a byline, a dateline alone, a label.
    static func isLabel(_ paragraph: String) -> Bool {
        let words = paragraph.split(separator: " ")
        guard words.count <= 4 else { return false }
        guard let last = paragraph.last else { return true }
        return !".!?…\"”".contains(last)
    }

    static func comparable(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }
}
