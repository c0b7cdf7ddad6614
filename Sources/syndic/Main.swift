import ArgumentParser
import Foundation
import SyndicCore

/// Entry point: runs the parsed command and turns errors into one stderr line and a sysexits status.
@main
enum Main {
    static func main() async {
        do {
            var command = try Syndic.parseAsRoot(SharedFlags.hoisted(Array(CommandLine.arguments.dropFirst()), root: Syndic.self))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any UserFacingError {
            StderrConsole.shared.clearStatus()
            Output.error(error.description)
            exit(error.exitCode.rawValue)
        } catch {
            StderrConsole.shared.clearStatus()
            Syndic.exit(withError: error)
        }
    }
}
