import ArgumentParser
import Credentials
import Foundation
import Storage
import SyndicCore

/// `syndic users add NAME`
struct UsersAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a user with a password (asked at the terminal, or --password-file).",
        discussion: """
        The password is stored only as a salted scrypt hash. The user follows no feed yet.

        Examples:
          syndic users add ann
          syndic users add bob --password-file /run/secrets/bob
        """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var password: PasswordSource

    @Argument(help: "The new user's name (a-z 0-9 . _ - @).")
    var name: String

    func validate() throws { try UserName.validate(name) }

    func run() async throws {
        let db = try await global.openStore(.readWrite)
        if try await db.user(named: name) != nil { throw StorageError.duplicateUser(name) }
        let hash = try PasswordHash.make(try password.read(prompt: "password for \(name): "))
        let user = try await db.addUser(name: name, passwordHash: hash, now: try CommandClock.now())
        if !global.quiet { Output.print("added user \(user.name) (id \(user.id))") }
    }
}
