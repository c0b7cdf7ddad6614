/// Fetches many URLs at once over libcurl's multi interface, politely and within limits.
///
/// One background thread drives every transfer (no thread per request); the ``FetchPolicy`` caps the
/// transfers in flight overall and per host, spaces requests to one host, and bounds time and size.
/// Connections are kept alive and reused across requests to the same host.
///
/// ```swift
/// let fetcher = Fetcher()
/// for await (index, result) in fetcher.fetch(requests) {
///     switch result {
///     case .success(let response): print(requests[index].url, response.status)
///     case .failure(let error): print(error)
///     }
/// }
/// ```
public final class Fetcher: Sendable {
    public let policy: FetchPolicy
    private let driver: CurlDriver

    public init(policy: FetchPolicy = .default) {
        self.policy = policy
        self.driver = CurlDriver(policy: policy)
    }

    deinit {
        driver.shutdown()
    }

    /// One result per request, in completion order, each tagged with the request's index in `requests`.
    ///
    /// The sequence finishes after the last result. Ending the iteration early (or cancelling the task)
    /// cancels the requests still waiting or running; nobody is left to read their results. Results
    /// not yet read hold back new transfers (``FetchPolicy/maxUnreadResults``).
    public func fetch(_ requests: [FetchRequest]) -> FetchResults {
        let driver = self.driver
        let batch = driver.makeBatchID()
        let ledger = FetchResults.Ledger(driver: driver)
        let (stream, continuation) = AsyncStream<FetchResults.Element>.makeStream(bufferingPolicy: .unbounded)
        guard !requests.isEmpty else {
            continuation.finish()
            return FetchResults(stream: stream, ledger: ledger)
        }
        let remaining = Countdown(requests.count)
        let jobs = requests.enumerated().map { index, request in
            FetchJob(id: index, batch: batch, request: request, hostKey: Self.hostKey(request.url)) { result in
                ledger.delivered()
                continuation.yield((index: index, result: result))
                if remaining.decrement() == 0 { continuation.finish() }
            }
        }
        continuation.onTermination = { termination in
            if case .cancelled = termination { driver.cancel(batch: batch) }
        }
        driver.submit(jobs)
        return FetchResults(stream: stream, ledger: ledger)
    }

    /// Fetches one request; the same limits apply as for a batch (it shares the fetcher's queue).
    /// Cancelling the calling task stops the transfer and returns ``FetchError/cancelled(url:)``.
    public func fetch(_ request: FetchRequest) async -> Result<FetchResponse, FetchError> {
        let driver = self.driver
        let batch = driver.makeBatchID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                driver.submit([FetchJob(id: 0, batch: batch, request: request, hostKey: Self.hostKey(request.url)) {
                    continuation.resume(returning: $0)
                }])
            }
        } onCancel: {
            driver.cancel(batch: batch)
        }
    }

    static func hostKey(_ url: String) -> String {
        URLParts(url)?.host ?? ""
    }
}
