import Foundation
import SyndicCore

/// Writing to stdout and stderr, and formats shared by commands.
enum Output {
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// `syndic: TEXT` on stderr (through ``StderrConsole``, so a progress bar never swallows it).
    static func error(_ text: String) {
        StderrConsole.shared.line("syndic: " + text)
    }

    static func json(_ value: JSONValue, pretty: Bool = true) {
        print(value.serialized(pretty: pretty))
    }

    /// RFC 3339 UTC, or nil.
    static func time(_ date: Date?) -> String? {
        date.map(Timestamp.rfc3339)
    }

    /// Whether stdout is a terminal (colour and progress only then; `NO_COLOR` turns colour off).
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var useColor: Bool {
        stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The width of the terminal stdout writes to (`COLUMNS` first); nil when stdout is not a terminal,
    /// so that piped tables keep every character for grep.
    static var terminalColumns: Int? {
        guard stdoutIsTerminal else { return nil }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Truncates to `width` characters with an ellipsis.
    static func clip(_ s: String, _ width: Int) -> String {
        guard s.count > width else { return s }
        return String(s.prefix(max(0, width - 1))) + "…"
    }

    /// Pads to `width` characters (left-aligned) after clipping.
    static func pad(_ s: String, _ width: Int) -> String {
        let c = clip(s, width)
        return c + String(repeating: " ", count: max(0, width - c.count))
    }
}

/// The output formats a command can print.
enum TableOrJSON: String, CaseIterable, Sendable {
    case table, json
}
