/// Splits a paragraph of plain text into sentences, without breaking after abbreviations such as
/// "Mr.", "Dr." or "Jan.", after initials ("J. K. Rowling"), or inside "U.S." unless a common
/// sentence opener follows it ("… in the U.S. The next day …").
public enum SentenceSplitter {
    /// The sentences of `text`, each trimmed; whitespace runs become single spaces.
    ///
    /// ```swift
    /// SentenceSplitter.sentences(in: "Mr. Smith went to the U.S. Senate. He spoke.")
    /// // ["Mr. Smith went to the U.S. Senate.", "He spoke."]
    /// ```
    public static func sentences(in text: String) -> [String] {
        let words = PlainText.singleLine(text).split(separator: " ").map(String.init)
        var sentences: [String] = []
        var current: [String] = []
        for (index, word) in words.enumerated() {
            current.append(word)
            let next = index + 1 < words.count ? words[index + 1] : nil
            if endsSentence(word, next: next) {
                sentences.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { sentences.append(current.joined(separator: " ")) }
        return sentences
    }

    /// Titles and short forms that are followed by a period but do not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen", "rep",
        "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "pres", "rev", "hon", "supt", "insp",
        "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "est", "approx",
        "vs", "etc", "cf", "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "ave", "blvd", "rd", "hwy",
    ]
    /// Short forms that are abbreviations only before a number ("No. 5", "Vol. 2").
    static let numberAbbreviations: Set<String> = ["no", "nos", "vol", "fig", "p", "pp", "art", "ch"]
    /// Words that start a new sentence after a dotted acronym such as "U.S.".
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
        "but", "and", "in", "on", "at", "this", "that", "these", "those", "there", "then", "after",
        "before", "when", "while", "however", "meanwhile", "officials", "mr", "mrs", "ms", "dr",
    ]
    private static let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»", "›"]
    private static let openers: Set<Character> = ["\"", "'", "“", "‘", "(", "[", "«", "‹", "¿", "¡"]

    static func endsSentence(_ word: String, next: String?) -> Bool {
        var core = Substring(word)
        while let last = core.last, closers.contains(last) { core = core.dropLast() }
        guard let mark = core.last, mark == "." || mark == "!" || mark == "?" || mark == "…" else { return false }
        guard let next else { return true }
        var nextCore = Substring(next)
        while let first = nextCore.first, openers.contains(first) { nextCore = nextCore.dropFirst() }
        guard let firstOfNext = nextCore.first, firstOfNext.isUppercase || firstOfNext.isNumber else { return false }
        guard mark == "." else { return true }
        var stem = core.dropLast()
        while let first = stem.first, openers.contains(first) { stem = stem.dropFirst() }
        let lowered = stem.lowercased()
        if abbreviations.contains(lowered) { return false }
        if numberAbbreviations.contains(lowered), firstOfNext.isNumber { return false }
        if stem.count == 1, stem.first?.isLetter == true { return false }  // an initial: "J. K."
        if stem.contains(".") {  // a dotted acronym: "U.S.", "a.m.", "e.g."
            let nextWord = nextCore.prefix(while: { $0.isLetter }).lowercased()
            return sentenceOpeners.contains(nextWord)
        }
        return true
    }
}
