import ArgumentParser
import Foundation
import Storage

/// `syndic migrate`: creates the database if needed and brings its schema up to date.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create the database if needed and apply the migrations it lacks.",
        discussion: """
        Writing commands (poll, feeds add/import/remove, prune) migrate on their own; reading commands
        (stories, story, digest, explain, feeds list/export, serve) never change the database and ask
        for this command when it is behind. A database from a newer Syndic, or one holding another
        program's tables, is refused and left untouched. On PostgreSQL the migrations run under an
        advisory lock, so migrations started at once from several machines apply each step once.

        Examples:
          syndic migrate
          syndic migrate --db postgres://syndic@db.internal:5432/news
        """
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore(.readWrite)
        let all = try await store.appliedMigrations()
        await store.close()
        guard !global.quiet else { return }
        if store.migratedOnOpen.isEmpty {
            Output.print("\(store.location) is up to date (\(all.count) migrations applied)")
        } else {
            Output.print("migrated \(store.location): applied \(store.migratedOnOpen.joined(separator: ", ")) (\(all.count) migrations applied)")
        }
    }
}
