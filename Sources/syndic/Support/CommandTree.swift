import Foundation

/// The command tree as swift-argument-parser describes it (`syndic --experimental-dump-help`, the
/// input of its `generate-manual` plugin): the fields the man page needs, decoded from that JSON.
struct CommandTree: Decodable {
    struct Command: Decodable {
        var commandName: String
        var superCommands: [String]?
        var shouldDisplay: Bool?
        var abstract: String?
        var discussion: String?
        var subcommands: [Command]?
        var arguments: [Argument]?

        /// `syndic feeds add`.
        var path: String { ((superCommands ?? []) + [commandName]).joined(separator: " ") }
        var isShown: Bool { shouldDisplay ?? true }
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
            /// `--tag`, `-h`.
            var spelled: String { kind == "short" ? "-" + name : (kind == "longWithSingleDash" ? "-" : "--") + name }
        }

        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?
    }

    var command: Command

    /// The tree of `Syndic`, from swift-argument-parser's own description of it.
    static func load() throws -> CommandTree {
        try JSONDecoder().decode(CommandTree.self, from: Data(Syndic._dumpHelp().utf8))
    }

    /// Every shown command, depth first, the root first.
    var commands: [Command] {
        func walk(_ command: Command) -> [Command] {
            guard command.isShown else { return [] }
            return [command] + (command.subcommands ?? []).flatMap(walk)
        }
        return walk(command)
    }
}
