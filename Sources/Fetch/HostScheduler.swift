/// Decides which waiting job starts next under the global limit, the per-host limit and the per-host delay.
///
/// Jobs wait in one FIFO queue per host; hosts take turns in the order their first waiting job arrived, so a
/// batch of 500 URLs on one host does not hold up the other hosts. Driver-thread only.
struct HostScheduler {
    let globalLimit: Int
    let perHostLimit: Int
    /// Seconds between the starts of two requests to one host.
    let minDelay: Double

    private var queues: [String: JobQueue] = [:]
    private var hostOrder: [String] = []
    private var runningPerHost: [String: Int] = [:]
    private var lastStart: [String: Double] = [:]
    private(set) var running = 0
    private(set) var waiting = 0

    init(globalLimit: Int, perHostLimit: Int, minDelay: Double) {
        self.globalLimit = max(1, globalLimit)
        self.perHostLimit = max(1, perHostLimit)
        self.minDelay = max(0, minDelay)
    }

    var isIdle: Bool { running == 0 && waiting == 0 }

    mutating func enqueue(_ job: FetchJob) {
        if queues[job.hostKey] == nil {
            queues[job.hostKey] = JobQueue()
            hostOrder.append(job.hostKey)
        }
        queues[job.hostKey]!.push(job)
        waiting += 1
    }

    /// Removes and returns the jobs that may start now (counted as running until ``finished(hostKey:)``),
    /// and the seconds until a delayed host may start again (nil when nothing waits on a delay).
    mutating func startable(now: Double, budget: Int = .max) -> (jobs: [FetchJob], wakeAfter: Double?) {
        var jobs: [FetchJob] = []
        var wakeAfter: Double?
        guard waiting > 0, budget > 0 else { return ([], nil) }
        var emptied = false
        for host in hostOrder where running < globalLimit && jobs.count < budget {
            while running < globalLimit, jobs.count < budget, runningPerHost[host, default: 0] < perHostLimit,
                  var queue = queues[host], !queue.isEmpty {
                if minDelay > 0, let last = lastStart[host], now - last < minDelay {
                    let wait = minDelay - (now - last)
                    wakeAfter = min(wakeAfter ?? wait, wait)
                    break
                }
                queues[host] = nil  // keep the queue uniquely referenced while mutating it
                let job = queue.pop()
                queues[host] = queue
                if queue.isEmpty { emptied = true }
                jobs.append(job)
                running += 1
                waiting -= 1
                runningPerHost[host, default: 0] += 1
                lastStart[host] = now
            }
        }
        if emptied {
            hostOrder.removeAll { queues[$0]?.isEmpty ?? true }
            for (host, queue) in queues where queue.isEmpty { queues[host] = nil }
        }
        return (jobs, wakeAfter)
    }

    mutating func finished(hostKey: String) {
        running -= 1
        let left = runningPerHost[hostKey, default: 1] - 1
        runningPerHost[hostKey] = left > 0 ? left : nil
        if minDelay == 0 { lastStart[hostKey] = nil }
    }

    /// Removes and returns the waiting jobs of the given batches.
    mutating func cancel(batches: Set<Int>) -> [FetchJob] {
        var dropped: [FetchJob] = []
        for (host, queue) in queues {
            let (gone, kept) = queue.remaining.reduce(into: ([FetchJob](), [FetchJob]())) { split, job in
                if batches.contains(job.batch) { split.0.append(job) } else { split.1.append(job) }
            }
            dropped += gone
            queues[host] = JobQueue(kept)
        }
        waiting -= dropped.count
        hostOrder.removeAll { queues[$0]?.isEmpty ?? true }
        for (host, queue) in queues where queue.isEmpty { queues[host] = nil }
        return dropped
    }
}

/// A FIFO with O(1) pop (an array and a moving head).
struct JobQueue {
    private var items: [FetchJob]
    private var head = 0

    init(_ items: [FetchJob] = []) {
        self.items = items
    }

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }
    var remaining: ArraySlice<FetchJob> { items[head...] }

    mutating func push(_ job: FetchJob) {
        items.append(job)
    }

    mutating func pop() -> FetchJob {
        let job = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return job
    }
}
