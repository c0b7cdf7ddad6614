import ArgumentParser
import Storage

/// `syndic users edit NAME --reopen-words N --reopen-growth P | --reopen never|default`
struct UsersEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change when a user's read stories reopen (become unread when a copy brings much more text).",
        discussion: """
        A read story stays read when new copies arrive, unless a copy that arrives (or grows) after the
        reading has at least --reopen-words more words AND at least --reopen-growth percent more words
        than the longest copy there was when the story was read. Default: 150 words and 50 %.

        Examples:
          syndic users edit ann --reopen-words 300 --reopen-growth 100
          syndic users edit default --reopen never
          syndic users edit ann --reopen default
        """
    )

    enum Preset: String, ExpressibleByArgument, CaseIterable {
        case never, `default`
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The user's name (`default` for the command line's own user).")
    var name: String

    @Option(name: .customLong("reopen-words"), help: "Words a later copy must add at least.")
    var words: Int?

    @Option(name: .customLong("reopen-growth"), help: "Percent a later copy must add at least.")
    var growth: Int?

    @Option(help: "never: read stays read; default: 150 words and 50 %.")
    var reopen: Preset?

    func validate() throws {
        if reopen != nil && (words != nil || growth != nil) { throw ValidationError("--reopen cannot be combined with --reopen-words or --reopen-growth") }
        if reopen == nil && words == nil && growth == nil { throw ValidationError("nothing to change: give --reopen-words, --reopen-growth or --reopen") }
        if let words, words < 1 { throw ValidationError("--reopen-words must be 1 or more") }
        if let growth, growth < 0 { throw ValidationError("--reopen-growth must be 0 or more") }
    }

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        let user = try await db.user(namedOrDefault: name)
        var rule = user.reopen
        switch reopen {
        case .never?: rule = .never
        case .default?: rule = .standard
        case nil:
            rule.addedWords = words ?? rule.addedWords ?? ReopenRule.standard.addedWords
            rule.growthPercent = growth ?? rule.growthPercent
        }
        try await db.setReopenRule(userID: user.id, rule)
        if !global.quiet { Output.print("\(user.name): read stories reopen \(rule.addedWords == nil ? "never" : "for a copy with " + UsersListCommand.describe(rule))") }
    }
}
