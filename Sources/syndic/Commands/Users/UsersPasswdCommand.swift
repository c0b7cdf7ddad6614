import ArgumentParser
import Credentials
import Storage

/// `syndic users passwd NAME [--fever] [--clear]`
struct UsersPasswdCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "Set a user's password, or their separate Fever API password (--fever).",
        discussion: """
        The Fever protocol sends md5(name:password) as its key, a fast hash, so Fever gets a password
        of its own: only that key is stored. --clear removes the password (or, with --fever, Fever
        access); a user without a password cannot log in to the APIs.

        Examples:
          syndic users passwd ann
          syndic users passwd ann --fever --password-file fever.txt
          syndic users passwd ann --fever --clear
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var password: PasswordSource

    @Argument(help: "The user's name.")
    var name: String

    @Flag(help: "Set the Fever API password instead of the account password.")
    var fever = false

    @Flag(help: "Remove the password (or Fever access) instead of setting one.")
    var clear = false

    func validate() throws {
        if clear && password.passwordFile != nil { throw ValidationError("--clear takes no --password-file") }
    }

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        let user = try await db.user(namedOrDefault: name)
        let what = fever ? "Fever API password" : "password"
        if clear {
            if fever { try await db.setFeverKey(userID: user.id, key: nil) } else { try await db.setPassword(userID: user.id, hash: nil) }
            if !global.quiet { Output.print("cleared the \(what) of \(user.name)") }
            return
        }
        let typed = try password.read(prompt: "\(what) for \(user.name): ")
        if fever {
            try await db.setFeverKey(userID: user.id, key: FeverKey.make(user: user.name, apiPassword: typed))
        } else {
            try await db.setPassword(userID: user.id, hash: try PasswordHash.make(typed))
        }
        if !global.quiet { Output.print("set the \(what) of \(user.name)") }
    }
}
