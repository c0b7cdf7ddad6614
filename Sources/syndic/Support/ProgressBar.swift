import Foundation
import Pipeline

/// A one-line progress bar on stderr (only used when stderr is a terminal): phase, done/total, rate, ETA.
/// Drawn as ``StderrConsole``'s status line, so log lines written meanwhile appear above it.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let console: StderrConsole

    init(console: StderrConsole = .shared) {
        self.console = console
    }

    private var phaseStart = Date()
    private var phase: PollProgress.Phase?
    private var lastDraw = Date.distantPast

    func update(_ p: PollProgress) {
        lock.lock(); defer { lock.unlock() }
        if p.phase != phase { phase = p.phase; phaseStart = Date() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || p.done == p.total else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(phaseStart), 0.001)
        let rate = Double(p.done) / elapsed
        let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
        let width = 24
        let filled = p.total > 0 ? min(width, width * p.done / p.total) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        console.showStatus(String(format: "%@ %@ %d/%d  %.0f/s  ETA %.0fs", p.phase.rawValue, bar, p.done, p.total, rate, eta))
    }

    /// Erases the bar.
    func finish() {
        console.clearStatus()
    }
}
