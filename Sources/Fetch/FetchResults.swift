import Foundation

/// The results of a batch fetch (``Fetcher/fetch(_:)-([FetchRequest])``), in completion order: an
/// `AsyncSequence` whose reading tells the fetcher how far behind its reader is, so it starts new
/// transfers only while fewer than ``FetchPolicy/maxUnreadResults`` results wait (bodies are not
/// piled up in memory). Results dropped unread (the loop left early) stop counting when the
/// iterator goes.
public struct FetchResults: AsyncSequence, Sendable {
    public typealias Element = (index: Int, result: Result<FetchResponse, FetchError>)

    let stream: AsyncStream<Element>
    let ledger: Ledger

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator(), reader: Reader(ledger: ledger))
    }

    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncStream<Element>.Iterator
        let reader: Reader

        public mutating func next() async -> Element? {
            let element = await base.next()
            if element != nil { reader.ledger.read() }
            return element
        }
    }

    /// Results delivered and not yet read, for one batch; mirrored in the driver's total.
    final class Ledger: @unchecked Sendable {
        private let lock = NSLock()
        private var pending = 0
        /// No reader any more: later results (the cancelled rest of the batch) are not counted.
        private var closed = false
        private let driver: CurlDriver

        init(driver: CurlDriver) { self.driver = driver }
        /// A batch never read (no iterator made) stops counting once nothing refers to it.
        deinit { drain() }

        func delivered() {
            let counted = lock.withLock { () -> Bool in
                guard !closed else { return false }
                pending += 1
                return true
            }
            if counted { driver.noteUnread(1) }
        }

        func read() {
            let taken = lock.withLock { () -> Bool in
                guard pending > 0 else { return false }
                pending -= 1
                return true
            }
            if taken { driver.noteUnread(-1) }
        }

        /// Forgets the results nobody will read.
        func drain() {
            let left = lock.withLock { () -> Int in
                defer { pending = 0; closed = true }
                return pending
            }
            if left > 0 { driver.noteUnread(-left) }
        }
    }

    /// Lives as long as an iterator: when the reading ends, what it left unread stops counting.
    final class Reader: @unchecked Sendable {
        let ledger: Ledger
        init(ledger: Ledger) { self.ledger = ledger }
        deinit { ledger.drain() }
    }
}
