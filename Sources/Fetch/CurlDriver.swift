import CCurl
import Foundation

/// One thread running libcurl's multi interface over every transfer of a ``Fetcher``.
///
/// Threading contract: `submit`, `cancel` and `shutdown` may be called from any thread; they only touch the
/// locked inbox and wake the loop with `curl_multi_wakeup`. Everything else (the multi handle, easy handles,
/// transfers, the scheduler) belongs to the driver thread. Because all transfers share one multi handle they
/// share its connection cache, DNS cache and TLS session cache, so keep-alive connections are reused.
final class CurlDriver: @unchecked Sendable {
    private let policy: FetchPolicy
    private let multi: UnsafeMutableRawPointer

    // Shared with other threads, guarded by `lock`.
    private let lock = NSLock()
    private var inbox: [FetchJob] = []
    private var cancelledBatches: Set<Int> = []
    private var stopping = false
    private var nextID = 0
    /// Batch results delivered and not yet read (``Fetcher``'s streams count them).
    private var unread = 0

    // Driver-thread state.
    private var scheduler: HostScheduler
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    private var spareHandles: [UnsafeMutableRawPointer] = []
    private var cancelledForever: Set<Int> = []
    /// Consecutive connection failures per host, and the hosts that reached ``FetchPolicy/hostFailureLimit``.
    private var hostFailures: [String: Int] = [:]
    private var skippedHosts: Set<String> = []

    private static let globalInit: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    /// ``NetworkPolicy/resolve`` as the list CURLOPT_RESOLVE takes; lives as long as the driver.
    private let resolveList: UnsafeMutablePointer<curl_slist>?

    init(policy: FetchPolicy) {
        _ = Self.globalInit
        self.policy = policy
        self.multi = curl_multi_init()
        self.resolveList = policy.network.resolve.reduce(nil) { list, entry in curl_slist_append(list, entry) }
        self.scheduler = HostScheduler(
            globalLimit: policy.concurrency, perHostLimit: policy.perHostLimit, minDelay: policy.minDelayPerHost)
        syndic_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(policy.connectionCacheSize, policy.concurrency))
        let thread = Thread { [self] in self.run() }
        thread.name = "syndic.fetch"
        thread.start()
    }

    /// A fresh id for a batch of jobs.
    func makeBatchID() -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        return nextID
    }

    func submit(_ jobs: [FetchJob]) {
        lock.lock()
        inbox.append(contentsOf: jobs)
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    /// Counts batch results delivered (`+1`) or read (negative); reading wakes the loop, which may
    /// start the transfers ``FetchPolicy/maxUnreadResults`` held back.
    func noteUnread(_ delta: Int) {
        lock.lock()
        unread += delta
        lock.unlock()
        if delta < 0 { curl_multi_wakeup(multi) }
    }

    /// Stops every waiting or running job of the batch; each completes with ``FetchError/cancelled(url:)``.
    func cancel(batch: Int) {
        lock.lock()
        cancelledBatches.insert(batch)
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    /// Lets the thread finish the work it has, then exit (the multi handle is freed in `deinit`).
    func shutdown() {
        lock.lock()
        stopping = true
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    // MARK: Driver thread

    private func run() {
        let clock = ContinuousClock()
        let origin = clock.now
        func now() -> Double {
            let elapsed = clock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        var runningHandles: Int32 = 0
        while true {
            let (jobs, cancelled, stop) = takeInbox()
            if !cancelled.isEmpty { drop(batches: cancelled) }
            for job in jobs {
                if cancelledForever.contains(job.batch) {
                    job.completion(.failure(.cancelled(url: job.request.url)))
                } else {
                    scheduler.enqueue(job)
                }
            }
            let (ready, wakeAfter) = scheduler.startable(now: now(), budget: startBudget())
            for job in ready { start(job) }
            if stop && scheduler.isIdle { break }

            curl_multi_perform(multi, &runningHandles)
            let finished = collectFinished()

            // Sleep until a socket is ready, libcurl's next timer, a delayed host's turn or a wakeup; but if
            // transfers just finished and jobs wait, loop at once so the freed slots start the next ones.
            var timeoutMS: Int32 = 1000
            if let wakeAfter { timeoutMS = min(timeoutMS, max(1, Int32((wakeAfter * 1000).rounded(.up)))) }
            if finished > 0 && scheduler.waiting > 0 { timeoutMS = 0 }
            if timeoutMS > 0 { curl_multi_poll(multi, nil, 0, timeoutMS, nil) }
        }
        for easy in spareHandles { curl_easy_cleanup(easy) }
        spareHandles.removeAll()
    }

    /// Runs once the thread has ended and no stream holds the driver, so `cancel` can never touch a freed handle.
    deinit {
        curl_multi_cleanup(multi)
        if let resolveList { curl_slist_free_all(resolveList) }
    }

    /// How many more transfers may start before unread results and running transfers reach the bound.
    private func startBudget() -> Int {
        guard policy.maxUnreadResults > 0 else { return .max }
        lock.lock()
        let waitingToBeRead = unread
        lock.unlock()
        return max(0, policy.maxUnreadResults - waitingToBeRead - active.count)
    }

    private func takeInbox() -> ([FetchJob], Set<Int>, Bool) {
        lock.lock()
        defer { lock.unlock() }
        let taken = (inbox, cancelledBatches, stopping)
        inbox = []
        cancelledBatches.removeAll()
        return taken
    }

    private func start(_ job: FetchJob) {
        if skippedHosts.contains(job.hostKey) {
            scheduler.finished(hostKey: job.hostKey)
            job.completion(.failure(.hostSkipped(url: job.request.url, host: job.hostKey, failures: policy.hostFailureLimit)))
            return
        }
        if let refusal = Self.refusal(of: job.request, policy: policy) {
            scheduler.finished(hostKey: job.hostKey)
            job.completion(.failure(refusal))
            return
        }
        let easy = spareHandles.popLast() ?? curl_easy_init()!
        let transfer = Transfer(
            job: job, maxBodyBytes: job.request.maxBodyBytes ?? policy.maxBodyBytes, network: policy.network)
        EasyHandleSetup.configure(easy, transfer: transfer, policy: policy, resolveList: resolveList)
        active[easy] = transfer
        curl_multi_add_handle(multi, easy)
    }

    /// Requests refused before libcurl sees them: not a URL, a scheme we do not fetch, or (in test mode) a
    /// name that is not mapped. Redirect hops are checked by the callbacks (``CurlCallbacks``).
    static func refusal(of request: FetchRequest, policy: FetchPolicy) -> FetchError? {
        guard let parts = URLParts(request.url) else { return .invalidURL(url: request.url) }
        switch parts.scheme {
        case "http", "https":
            return parts.host.isEmpty ? .invalidURL(url: request.url) : policy.network.refusal(of: request.url)
        case "file":
            return policy.network.refusal(of: request.url)
        default:
            return .unsupportedScheme(url: request.url)
        }
    }

    /// Completes every transfer libcurl reports done; returns how many.
    private func collectFinished() -> Int {
        var finished = 0
        var left: Int32 = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = active.removeValue(forKey: easy) else { continue }
            let code = message.pointee.data.result
            let result = TransferOutcome.make(easy: easy, code: code, transfer: transfer, policy: policy)
            release(easy)
            scheduler.finished(hostKey: transfer.job.hostKey)
            countHostFailure(result, host: transfer.job.hostKey)
            transfer.job.completion(result)
            finished += 1
        }
        return finished
    }

    /// Counts consecutive connection failures of `host`; at the limit its remaining requests are skipped.
    private func countHostFailure(_ result: Result<FetchResponse, FetchError>, host: String) {
        guard policy.hostFailureLimit > 0, !host.isEmpty else { return }
        if case .failure(let error) = result, error.isConnectionFailure {
            let count = hostFailures[host, default: 0] + 1
            hostFailures[host] = count
            if count >= policy.hostFailureLimit { skippedHosts.insert(host) }
        } else if case .success = result {
            hostFailures[host] = nil
        }
    }

    private func drop(batches: Set<Int>) {
        cancelledForever.formUnion(batches)
        var dropped = scheduler.cancel(batches: batches)
        for (easy, transfer) in active where batches.contains(transfer.job.batch) {
            active[easy] = nil
            release(easy)
            scheduler.finished(hostKey: transfer.job.hostKey)
            dropped.append(transfer.job)
        }
        for job in dropped { job.completion(.failure(.cancelled(url: job.request.url))) }
    }

    private func release(_ easy: UnsafeMutableRawPointer) {
        curl_multi_remove_handle(multi, easy)
        if spareHandles.count < policy.concurrency {
            curl_easy_reset(easy)
            spareHandles.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
    }
}
