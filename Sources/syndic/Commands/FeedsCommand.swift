import ArgumentParser

/// `syndic feeds …`: manage subscriptions.
struct FeedsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feeds",
        abstract: "Add, remove, list, import and export subscriptions."
    )
}
