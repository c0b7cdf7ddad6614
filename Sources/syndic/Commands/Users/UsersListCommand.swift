import ArgumentParser
import Foundation
import Storage
import SyndicCore

/// `syndic users list`
struct UsersListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List users: password and Fever access set or not, live tokens, reopen rule.",
        discussion: """
        Secrets are never shown, only whether they are set.

        Examples:
          syndic users list
          syndic users list --format json | jq '.[].name'
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "table or json.")
    var format: TableOrJSON = .table

    func run() async throws {
        let db = try await global.openStore(.readOnly)
        var rows: [(User, Int)] = []
        for user in try await db.listUsers() {
            rows.append((user, try await db.tokens(userID: user.id).filter { !$0.isRevoked }.count))
        }
        switch format {
        case .json:
            Output.json(.array(rows.map { user, tokens in
                .object([
                    ("id", .int(user.id)), ("name", .string(user.name)), ("default", .bool(user.isDefault)),
                    ("password", .bool(user.passwordHash != nil)), ("fever", .bool(user.feverKey != nil)),
                    ("tokens", .int(Int64(tokens))), ("created_at", .string(Timestamp.rfc3339(user.createdAt))),
                    ("reopen", .string(Self.describe(user.reopen))),
                ])
            }))
        case .table:
            Output.print("   ID  NAME                  PASSWORD  FEVER  TOKENS  REOPEN")
            for (user, tokens) in rows {
                let name = user.name + (user.isDefault ? " (default)" : "")
                Output.print(String(user.id).leftPadded(5) + "  " + Output.pad(name, 20) + "  "
                             + Output.pad(user.passwordHash == nil ? "-" : "set", 8) + "  "
                             + Output.pad(user.feverKey == nil ? "-" : "set", 5) + "  "
                             + String(tokens).leftPadded(6) + "  " + Self.describe(user.reopen))
            }
        }
    }

    /// `+150 words and +50%`, or `never`.
    static func describe(_ rule: ReopenRule) -> String {
        guard let words = rule.addedWords else { return "never" }
        return "+\(words) words and +\(rule.growthPercent)%"
    }
}
