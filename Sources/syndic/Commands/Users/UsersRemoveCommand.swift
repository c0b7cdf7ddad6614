import ArgumentParser
import Storage
import SyndicCore

/// `syndic users remove NAME...`
struct UsersRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove users with their tokens, subscriptions and read state (the feeds stay).",
        discussion: """
        The default user cannot be removed.

        Example:
          syndic users remove bob
        """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Names of the users to remove.")
    var names: [String]

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        var missing = 0
        for name in names {
            guard let user = try await db.user(named: name) else {
                Output.error(StorageError.userNotFound(name).description)
                missing += 1
                continue
            }
            try await db.removeUser(id: user.id)
            if !global.quiet { Output.print("removed user \(user.name)") }
        }
        if missing > 0 { throw ExitCode(SyndicExitCode.noInput.rawValue) }
    }
}
