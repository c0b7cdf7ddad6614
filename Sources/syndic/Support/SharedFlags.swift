import ArgumentParser

/// The shared flags (``GlobalOptions``: `--db`, `--verbose`, `--quiet`) given before a subcommand's name.
///
/// swift-argument-parser reads a command's options after its name only, so `syndic --db X feeds import -`
/// would be "Unknown option '--db'". The flags found before or between the names of the command path
/// are moved after the last name: `syndic feeds import --db X -`. Anything else is left as it was, and
/// nothing moves for a command that takes no shared flags, so it still reports them as unknown.
enum SharedFlags {
    /// Shared flags that take a value.
    static let valued: Set<String> = ["--db"]
    /// Shared flags without a value.
    static let plain: Set<String> = ["--verbose", "--quiet"]

    /// `arguments` (without the program name) with shared flags moved after the subcommand path of `root`.
    static func hoisted(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
        var moved: [String] = []
        var path: [String] = []
        var command = root
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let token = arguments[index]
            if plain.contains(token) || valued.contains(where: { token.hasPrefix($0 + "=") }) {
                moved.append(token)
                index += 1
            } else if valued.contains(token), index + 1 < arguments.endIndex {
                moved += [token, arguments[index + 1]]
                index += 2
            } else if let sub = subcommand(named: token, of: command) {
                path.append(token)
                command = sub
                index += 1
            } else {
                break
            }
        }
        guard !moved.isEmpty, !path.isEmpty, takesSharedFlags(command) else { return arguments }
        return path + moved + arguments[index...]
    }

    /// Whether `command` (or its default subcommand) declares the ``GlobalOptions`` group.
    private static func takesSharedFlags(_ command: any ParsableCommand.Type) -> Bool {
        let declared = Mirror(reflecting: command.init()).children.contains { $0.value is OptionGroup<GlobalOptions> }
        if declared { return true }
        return command.configuration.defaultSubcommand.map(takesSharedFlags) ?? false
    }

    private static func subcommand(named name: String, of command: any ParsableCommand.Type) -> (any ParsableCommand.Type)? {
        command.configuration.subcommands.first { sub in
            sub._commandName == name || sub.configuration.aliases.contains(name)
        }
    }
}
