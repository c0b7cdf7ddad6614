import ArgumentParser
import Digest
import Foundation
import Storage
import SyndicCore

/// `syndic instance`: the database's identity, which every digest item id carries.
struct InstanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instance",
        abstract: "Show this database's instance id, which every digest item id carries.",
        discussion: """
        Every database gets a random instance id when it is created (a database made by an older
        Syndic gets one when it is migrated). Digest item ids carry it, so feed readers subscribed to
        two installations never mix their stories up. Stories a database held before it had an
        instance id keep the item ids they were published under.

        Examples:
          syndic instance
          syndic instance --format json
        """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "text or json.")
    var format: TableOrJSON = .table

    func run() async throws {
        let db = try await global.openStore(.readOnly)
        let instance = try await db.instance()
        let identity = DigestIdentity(instance)
        let example = identity.itemID(storyID: instance.legacyStoryMax + 1)
        switch format {
        case .json:
            Output.json(.object([
                ("instance", .string(instance.id)),
                ("created", .string(Timestamp.rfc3339(instance.createdAt))),
                ("database", .string("\(db.location)")),
                ("item_id_example", .string(example)),
                ("legacy_story_max", .int(instance.legacyStoryMax)),
            ]))
        case .table:
            Output.print("instance \(instance.id)")
            Output.print("created  \(Timestamp.rfc3339(instance.createdAt))")
            Output.print("database \(db.location)")
            Output.print("item ids \(example.replacingOccurrences(of: "/\(instance.legacyStoryMax + 1)", with: "/ID"))")
            if instance.legacyStoryMax > 0 {
                Output.print("         (stories up to \(instance.legacyStoryMax), from before instance ids, keep tag:syndic,2026:story/ID)")
            }
        }
    }
}
