import ArgumentParser
import Foundation
import SyndicCore

/// `syndic generate-manual`: prints the man page, generated from the command tree.
///
/// The equivalent of swift-argument-parser's `generate-manual` plugin (which reads the same
/// description, `--experimental-dump-help`, but needs the whole package built inside the plugin
/// sandbox); `scripts/install.sh` installs its output as `man syndic`.
struct GenerateManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print the man page (roff), generated from the command tree.",
        discussion: """
        Example:
          syndic generate-manual > /usr/local/share/man/man1/syndic.1 && man syndic
        """,
        shouldDisplay: false
    )

    func run() throws {
        FileHandle.standardOutput.write(Data(ManualPage.render(try CommandTree.load(), version: SyndicVersion.current).utf8))
    }
}
