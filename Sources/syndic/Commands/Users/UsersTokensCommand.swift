import ArgumentParser
import Credentials
import Foundation
import Storage
import SyndicCore

/// `syndic users tokens list|create|revoke`
struct UsersTokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "List, create and revoke a user's API tokens.",
        discussion: """
        A token is shown once, when it is created; Syndic keeps only its SHA-256. Revoked tokens are
        listed with the time they were revoked and authenticate nothing.

        Examples:
          syndic users tokens create ann --label "phone"
          syndic users tokens list ann
          syndic users tokens revoke ann 3
        """,
        subcommands: [List.self, Create.self, Revoke.self],
        defaultSubcommand: List.self
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a user's tokens (never the secrets).",
                                                        discussion: "Example:\n  syndic users tokens list ann")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's name.") var name: String

        func run() async throws {
            let db = try await global.openStore(.readOnly)
            let user = try await db.user(namedOrDefault: name)
            let tokens = try await db.tokens(userID: user.id)
            if tokens.isEmpty {
                Output.print("\(user.name) has no tokens; make one with `syndic users tokens create \(user.name) --label NAME`")
                return
            }
            Output.print("   ID  CREATED(UTC)          STATUS                        LABEL")
            for token in tokens {
                let status = token.revokedAt.map { "revoked " + Timestamp.rfc3339($0) } ?? "live"
                Output.print(String(token.id).leftPadded(5) + "  " + Timestamp.rfc3339(token.createdAt) + "  "
                             + Output.pad(status, 28) + "  " + token.label)
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Make a token and print it once.",
                                                        discussion: "Example:\n  syndic users tokens create ann --label phone")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's name.") var name: String
        @Option(help: "What the token is for (an app, a device).") var label = "token"

        func run() async throws {
            let db = try await global.openStore(.readWrite)
            let user = try await db.user(namedOrDefault: name)
            let secret = APITokenSecret.make()
            let token = try await db.addToken(userID: user.id, label: label, tokenHash: secret.hash, now: try CommandClock.now())
            Output.print(secret.token)
            if !global.quiet { Output.error("token \(token.id) for \(user.name) (\(label)); it is shown only now") }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke tokens by id.",
                                                        discussion: "Example:\n  syndic users tokens revoke ann 3 4")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's name.") var name: String
        @Argument(help: "Token ids, as `tokens list` shows them.") var ids: [Int64]

        func run() async throws {
            let db = try await global.openStore(.readWrite)
            let user = try await db.user(namedOrDefault: name)
            for id in ids {
                try await db.revokeToken(userID: user.id, tokenID: id, now: try CommandClock.now())
                if !global.quiet { Output.print("revoked token \(id) of \(user.name)") }
            }
        }
    }
}
