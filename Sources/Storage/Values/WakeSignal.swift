import Foundation

/// A wake-up that may come from another process (PostgreSQL `LISTEN`): a long-lived placer waits on it
/// between rounds, and a signal that arrives while it works is kept for its next wait.
public final class WakeSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = false
    private var waiter: (id: Int, continuation: CheckedContinuation<Bool, Never>)?
    private var nextID = 0
    /// A wait whose time ran out before it began waiting (the timer won the race).
    private var expiredEarly: Int?
    private let onClose: @Sendable () -> Void

    /// `onClose` stops whatever delivers the signals (the listening connection).
    public init(onClose: @escaping @Sendable () -> Void = {}) {
        self.onClose = onClose
    }

    /// Wakes the waiter, or the next one when nobody waits.
    public func signal() {
        lock.lock()
        if let waiter {
            self.waiter = nil
            lock.unlock()
            waiter.continuation.resume(returning: true)
        } else {
            pending = true
            lock.unlock()
        }
    }

    /// Waits until a signal comes (true) or `seconds` pass (false). One waiter at a time.
    public func wait(seconds: Double) async -> Bool {
        let id: Int = lock.withLock { nextID += 1; return nextID }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: .seconds(seconds))
            self?.expire(id)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            lock.lock()
            if pending {
                pending = false
                lock.unlock()
                continuation.resume(returning: true)
            } else if expiredEarly == id {
                expiredEarly = nil
                lock.unlock()
                continuation.resume(returning: false)
            } else {
                waiter = (id, continuation)
                lock.unlock()
            }
        }
    }

    private func expire(_ id: Int) {
        lock.lock()
        guard let waiter, waiter.id == id else {
            if waiter == nil { expiredEarly = id }
            lock.unlock()
            return
        }
        self.waiter = nil
        lock.unlock()
        waiter.continuation.resume(returning: false)
    }

    /// Stops the delivery of signals; a waiter still waits out its time.
    public func close() { onClose() }
}
