import Foundation

/// Turns vocabulary rules off for an evaluation run, so that cross-validation (scripts/extract-cv.py)
/// can score held-out pages with only the rules that the training pages support.
///
/// `SYNDIC_EXTRACTION_RULES_OFF` names a file of `list<TAB>phrase` lines (for example
/// `shortPrefixes\tread more`, `chromeWords\tcaption`); every listed phrase is left out of its list's
/// matcher. Unset (the normal case) nothing is off. The file is read once, when the first list is built,
/// so a run costs nothing extra per page.
enum RuleSwitch {
    /// The environment variable that names the file of rules to leave out.
    static let environmentKey = "SYNDIC_EXTRACTION_RULES_OFF"

    /// `list\tphrase` keys of the rules that are off.
    static let disabled: Set<String> = {
        guard let path = ProcessInfo.processInfo.environment[environmentKey], !path.isEmpty,
              let contents = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return Set(contents.split(separator: "\n").map(String.init).filter { $0.contains("\t") })
    }()

    /// The phrases of `list` that are on.
    static func enabled<Phrases: Sequence<String>>(_ list: String, _ phrases: Phrases) -> [String] {
        guard !disabled.isEmpty else { return Array(phrases) }
        return phrases.filter { !disabled.contains(list + "\t" + $0) }
    }
}
