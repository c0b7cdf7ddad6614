import ArgumentParser
import Credentials
import Storage

/// `syndic users …`: the people who read with Syndic (for the reader APIs) and their tokens.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Add, list, edit and remove users; set passwords; make and revoke API tokens.",
        discussion: """
        Every database has a default user (named `default`, without a password): the command line
        reads as this user unless `--user NAME` says otherwise, and it follows every feed. Other users
        follow the feeds they subscribe to, each with their own read and starred state.

        Examples:
          syndic users add ann                          # asks for the password twice, without echo
          syndic users add bob --password-file pw.txt   # the file's first line
          syndic users passwd ann --fever               # the separate Fever API password
          syndic users tokens create ann --label phone  # prints the token once
          syndic users edit ann --reopen-words 300 --reopen-growth 100
        """,
        subcommands: [UsersAddCommand.self, UsersListCommand.self, UsersRemoveCommand.self, UsersPasswdCommand.self,
                      UsersEditCommand.self, UsersTokensCommand.self],
        defaultSubcommand: UsersListCommand.self
    )
}

/// `--password-file`, or the terminal, for the commands that set a password.
struct PasswordSource: ParsableArguments {
    @Option(name: .customLong("password-file"),
            help: ArgumentHelp("Read the password from the first line of this file (- for stdin) instead of the terminal.",
                               valueName: "path"))
    var passwordFile: String?

    /// The password, from the file or typed twice at the terminal without echo.
    func read(prompt: String) throws -> String {
        if let passwordFile { return try PasswordInput.fromFile(passwordFile) }
        return try PasswordInput.fromTerminal(prompt: prompt)
    }
}

/// A user name argument checked against ``User/isValidName(_:)``.
enum UserName {
    static func validate(_ name: String) throws {
        guard User.isValidName(name) else {
            throw ValidationError("'\(name)' cannot name a user: use 1 to 64 of a-z 0-9 . _ - @, starting with a letter or digit")
        }
    }
}

