import Foundation

/// The one writer of standard error, shared by the progress bar and every line written there (log
/// lines, errors, the poll's failure list).
///
/// A progress bar is a status line redrawn in place (`\r…\e[K`), without a newline. A line written
/// while it is on screen would continue the bar's line (`ETA 0s␛[K2026-12-02T18:28:05Z warning …`),
/// so every line goes through here: under one lock, the status line is cleared, the line written,
/// and the status line drawn again below it.
final class StderrConsole: @unchecked Sendable {
    /// The process's standard error.
    static let shared = StderrConsole(write: { FileHandle.standardError.write(Data($0.utf8)) })

    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    /// The status line currently on screen, nil when none.
    private var status: String?

    init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Writes `text` and a newline on a line of its own, then redraws the status line if one is shown.
    func line(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        if let status {
            write("\r\u{1B}[K" + text + "\n" + status + "\u{1B}[K")
        } else {
            write(text + "\n")
        }
    }

    /// Draws (or replaces) the status line: one line of text without a newline (terminals only).
    func showStatus(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        status = "\r" + text
        write("\r" + text + "\u{1B}[K")
    }

    /// Erases the status line, if one is shown; later lines start where it was.
    func clearStatus() {
        lock.lock(); defer { lock.unlock() }
        guard status != nil else { return }
        status = nil
        write("\r\u{1B}[K")
    }
}
