import ArgumentParser

/// `syndic feeds …`: manage subscriptions.
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Add, edit, remove, list, import and export subscriptions.",
        subcommands: [FeedsAddCommand.self, FeedsEditCommand.self, FeedsRemoveCommand.self, FeedsListCommand.self,
                      FeedsImportCommand.self, FeedsExportCommand.self],
        defaultSubcommand: FeedsListCommand.self
    )
}
