import Foundation
import Pipeline

/// A one-line progress bar on stderr (only used when stderr is a terminal): phase, done/total, rate, ETA.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
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
        let line = String(format: "\r%@ %@ %d/%d  %.0f/s  ETA %.0fs\u{1B}[K", p.phase.rawValue, bar, p.done, p.total, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
