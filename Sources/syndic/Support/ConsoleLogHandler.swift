import Foundation
import Logging
import SyndicCore

/// swift-log's handler for the command line: one line per message on standard error, through
/// ``StderrConsole`` so a progress bar on screen is cleared first and redrawn after.
///
/// Format: `2026-12-02T18:28:05Z warning syndic.poll: message key=value` (UTC, RFC 3339).
struct ConsoleLogHandler: LogHandler {
    let label: String
    let console: StderrConsole
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    init(label: String, level: Logger.Level, console: StderrConsole = .shared) {
        self.label = label
        self.logLevel = level
        self.console = console
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        var text = "\(Timestamp.rfc3339(Date())) \(level) \(label): \(message)"
        let all = metadata.merging(explicit ?? [:]) { $1 }
        for key in all.keys.sorted() { text += " \(key)=\(all[key]!)" }
        console.line(text)
    }
}
