/// Folds documents into stories, one document at a time, across polls.
///
/// For each new document: LSH candidates (and lead-index candidates for summaries) → pairwise
/// verification (``PairVerifier``, boilerplate shingles ignored) → the document joins a story only
/// if it matches the story's **representative** or **most of its members**, so a follow-up that
/// quotes two paragraphs cannot bridge two stories (no single-link chaining). Otherwise it starts
/// a story keyed by its own id; keys never change afterwards.
///
/// Deterministic for a given input order. Not thread-safe: the Pipeline owns one per poll.
///
///     let clusterer = StoryClusterer()
///     clusterer.load(documents: storedFromLastPolls)
///     switch clusterer.add(document: 42, signature: sig, timestamp: now, hasFullText: true) { … }
public final class StoryClusterer {
    public let configuration: DedupConfiguration
    public let verifier: PairVerifier
    private var lsh: LSHIndex
    private var containmentIndex: ContainmentIndex
    private var stoplist: ShingleStoplist?

    // Per slot (dense document number); freed slots are reused.
    private var ids: [Int64] = []
    private var times: [Double] = []
    private var storyOf: [Int64] = []
    private var fullText: [Bool] = []
    private var alive: [Bool] = []
    /// True for a member that contains its story's representative (a fuller copy of a truncated
    /// first arrival): it vouches for the story like the representative does.
    private var anchor: [Bool] = []
    /// True for a roundup: a document that shares one paragraph each with several stories and so
    /// started its own story (``roundupOverlaps(_:)``).
    private var digest: [Bool] = []
    private var digestOverlaps: [Int64: [Int64]] = [:]
    private var signatures: [DocumentSignature] = []
    /// Shingles per paragraph of each slot's signature, boilerplate included.
    private var paragraphTotals: [[Int32]] = []
    /// Positions of each slot's shingles that pass the stoplist's filter (may be boilerplate) as
    /// of filter epoch `suspectEpoch[slot]` (-1: not computed).
    private var suspects: [[Int32]] = []
    private var suspectEpoch: [Int] = []
    /// The document being added, with the stoplist applied once (``CountedShingles``).
    private var incoming = CountedShingles.empty
    private var stopScratch: [Int32] = []
    /// The members of one story compared with the document being added (``evaluate(_:against:key:)``).
    private var memberScratch: [Int32] = []
    private var freeSlots: [Int32] = []
    /// `candidateMark[slot] == candidateStamp` while `slot` is a candidate of the document being added.
    private var candidateMark: [UInt32] = []
    private var candidateStamp: UInt32 = 0
    /// Shared sampled shingles per slot for the document being added (valid where
    /// `sampleMark[slot] == candidateStamp`), and the slots in the order first seen.
    private var sampleHits: [Int32] = []
    private var sampleMark: [UInt32] = []
    private var sampleOrder: [Int32] = []
    private var slotOf: [Int64: Int32] = [:]

    private struct Story {
        var members: [Int32]
        var representative: Int32
        /// The member whose shingles were counted in the stoplist (-1: none).
        var countedSlot: Int32
        /// True when a member is a roundup (kept up to date on join, merge and removal, so
        /// ``bridgedStories(_:joining:)`` need not scan the members).
        var hasRoundup = false
    }
    private var stories: [Int64: Story] = [:]
    /// Stories the document being added bridges into the one it joins (see ``StoryMerge``).
    private var pendingMerges: [StoryMatch] = []
    /// The stories the last ``add(document:signature:timestamp:hasFullText:)`` merged into the one its
    /// document joined (empty when none): their members now belong to that story.
    public private(set) var lastMerges: [StoryMerge] = []

    public init(configuration: DedupConfiguration = DedupConfiguration(), expectedDocuments: Int = 1024) {
        self.configuration = configuration
        verifier = PairVerifier(configuration: configuration)
        lsh = LSHIndex(banding: verifier.banding, expectedDocuments: expectedDocuments)
        containmentIndex = ContainmentIndex(expectedDocuments: configuration.keepsShingleSets ? expectedDocuments : 0)
        if configuration.keepsShingleSets {
            stoplist = ShingleStoplist(share: configuration.stoplistShare,
                                       minimumStories: configuration.stoplistMinimumStories)
        }
    }

    /// Number of documents indexed.
    public var documentCount: Int { slotOf.count }
    /// Number of stories with at least one indexed document.
    public var storyCount: Int { stories.count }

    // MARK: Adding

    /// Assigns `document` to an existing story or starts one, and indexes it.
    ///
    /// - Parameters:
    ///   - timestamp: seconds since 1970; candidates further apart than the window are ignored.
    ///   - hasFullText: false for a summary-only feed entry (it never becomes representative
    ///     while a member with full text exists).
    /// Re-adding an id first removes the old document.
    @discardableResult
    public func add(document id: Int64, signature: DocumentSignature, timestamp: Double,
                    hasFullText: Bool) -> Assignment {
        precondition(isCompatible(signature), "signature built with another configuration")
        if slotOf[id] != nil { remove(document: id) }
        let stored = configuration.keepsShingleSets ? signature : signature.compacted
        let slot = allocate(id: id, signature: stored, timestamp: timestamp, storyKey: id, hasFullText: hasFullText)

        // Each candidate once, marked in `candidateMark` so the members loop can skip the others.
        var candidates: [Int32] = []
        candidateStamp &+= 1
        if candidateStamp == 0 {
            for i in candidateMark.indices { candidateMark[i] = 0; sampleMark[i] = 0 }
            candidateStamp = 1
        }
        let stamp = candidateStamp
        // The marks and counters are moved into locals for the index walks: the callbacks run
        // thousands of times per document, and a class property touched in a closure pays a
        // dynamic exclusivity check on each access (a fifth of clustering time on big stories).
        var marks = candidateMark; candidateMark = []
        func note(_ c: Int32) {
            if marks[Int(c)] != stamp { marks[Int(c)] = stamp; candidates.append(c) }
        }
        // A document without shingles (empty text) matches nothing and is not indexed: all its
        // lanes are equal, so indexing would chain every empty document into one bucket.
        if stored.shingleCount > 0 { lsh.insert(slot: slot, lanes: stored.minHash) { note($0) } }
        if configuration.keepsShingleSets {
            // A sampled shingle the stoplist knows as boilerplate (a site's footer) is indexed but
            // not looked up: every document of that site shares it, so it is no evidence and would
            // make each of them a candidate of every other (the cost that grew faster than the input).
            // A document sharing a single sampled shingle and no band is not a candidate: one
            // shingle is a common phrase or a template line; a copy, an excerpt or a summary
            // shares several (``DedupConfiguration/minimumSharedSamples``).
            let stop = stoplist.flatMap { $0.isActive ? $0 : nil }
            var sampled = sampleMark, hits = sampleHits, order = sampleOrder
            sampleMark = []; sampleHits = []; sampleOrder = []
            order.removeAll(keepingCapacity: true)
            containmentIndex.insert(slot: slot, sample: stored.containmentSample,
                                    skipLookup: { stop?.isStopShingle($0) == true }) { c in
                let ci = Int(c)
                if sampled[ci] != stamp { sampled[ci] = stamp; hits[ci] = 0; order.append(c) }
                hits[ci] &+= 1
            }
            let minimum = configuration.minimumSharedSamples
            for c in order where Int(hits[Int(c)]) >= minimum { note(c) }
            sampleMark = sampled; sampleHits = hits; sampleOrder = order
        }
        candidateMark = marks

        if !candidates.isEmpty { prepareIncoming(slot) }
        lastMerges = []
        pendingMerges = []
        let assignment = chooseStory(for: slot, candidates: candidates)
        let key = assignment.storyKey
        if case .joined(let storyKey, let matched, _, let reason) = assignment, reason == .containment || reason == .estimatedContainment,
           let story = stories[storyKey], ids[Int(story.representative)] == matched,
           signatures[Int(story.representative)].shingleCount < stored.shingleCount {
            anchor[Int(slot)] = true
        }
        storyOf[Int(slot)] = key
        if stories[key] != nil, pendingMerges.isEmpty {
            // In place (no copy of the member list) and with the representative updated in O(1):
            // it is the least member in one total order, so one step of the fold gives it.
            let current = stories[key]!.representative
            stories[key]!.members.append(slot)
            if precedes(slot, current) { stories[key]!.representative = slot }
        } else if var story = stories[key] {
            story.members.append(slot)
            for merge in pendingMerges {
                guard let absorbed = stories.removeValue(forKey: merge.key) else { continue }
                for m in absorbed.members { storyOf[Int(m)] = key }
                story.hasRoundup = story.hasRoundup || absorbed.hasRoundup
                // Members stay in arrival order (slots are reused, so their numbers are not).
                story.members = (story.members + absorbed.members).sorted { (times[Int($0)], ids[Int($0)]) < (times[Int($1)], ids[Int($1)]) }
                lastMerges.append(StoryMerge(from: merge.key, into: key, bridge: id,
                                             documents: absorbed.members.map { ids[Int($0)] },
                                             jaccard: merge.comparison.exactJaccard ?? merge.comparison.estimatedJaccard))
            }
            story.representative = representative(of: story.members)
            stories[key] = story
        } else {
            var counted: Int32 = -1
            if stoplist != nil, stored.hasShingleSet {
                stoplist!.addStory(stored.shingles)
                counted = slot
            }
            stories[key] = Story(members: [slot], representative: slot, countedSlot: counted, hasRoundup: digest[Int(slot)])
        }
        return assignment
    }

    /// True when `signature` was built with this clusterer's shingle size, scheme and lane count
    /// (stored signatures from another configuration must be rebuilt from their text).
    public func isCompatible(_ signature: DocumentSignature) -> Bool {
        signature.minHash.count == configuration.laneCount && signature.shingleSize == configuration.shingleSize
            && signature.scheme == configuration.scheme
    }

    /// Rebuilds the index from stored documents (e.g. at the start of a poll), keeping their
    /// story keys. Pass them in arrival order; stories absent from the clusterer are created.
    /// Documents whose signature is not ``isCompatible(_:)`` are skipped; their ids are returned
    /// so the caller can re-sign them.
    @discardableResult
    public func load(documents: [StoredDocument]) -> [Int64] {
        var skipped: [Int64] = []
        for doc in documents {
            guard isCompatible(doc.signature) else { skipped.append(doc.id); continue }
            if slotOf[doc.id] != nil { remove(document: doc.id) }
            let stored = configuration.keepsShingleSets ? doc.signature : doc.signature.compacted
            let slot = allocate(id: doc.id, signature: stored, timestamp: doc.timestamp,
                                storyKey: doc.storyKey, hasFullText: doc.hasFullText)
            digest[Int(slot)] = doc.isRoundup
            if stored.shingleCount > 0 { lsh.insert(slot: slot, lanes: stored.minHash) { _ in } }
            if configuration.keepsShingleSets { containmentIndex.insert(slot: slot, sample: stored.containmentSample) { _ in } }
            if stories[doc.storyKey] != nil {
                let current = stories[doc.storyKey]!.representative
                stories[doc.storyKey]!.members.append(slot)
                if precedes(slot, current) { stories[doc.storyKey]!.representative = slot }
                if doc.isRoundup { stories[doc.storyKey]!.hasRoundup = true }
            } else {
                var counted: Int32 = -1
                if stoplist != nil, stored.hasShingleSet {
                    stoplist!.addStory(stored.shingles)
                    counted = slot
                }
                stories[doc.storyKey] = Story(members: [slot], representative: slot, countedSlot: counted, hasRoundup: doc.isRoundup)
            }
        }
        return skipped
    }

    // MARK: Removing

    /// Forgets `document`; its story keeps its key while other members remain.
    public func remove(document id: Int64) {
        guard let slot = slotOf.removeValue(forKey: id) else { return }
        let s = Int(slot)
        let signature = signatures[s]
        if signature.shingleCount > 0 { lsh.remove(slot: slot, lanes: signature.minHash) }
        if configuration.keepsShingleSets { containmentIndex.remove(slot: slot, sample: signature.containmentSample) }
        let key = storyOf[s]
        if var story = stories[key] {
            story.members.removeAll { $0 == slot }
            if story.countedSlot == slot {
                stoplist?.removeStory(signature.shingles)
                story.countedSlot = -1
            }
            if story.members.isEmpty {
                stories[key] = nil
            } else {
                story.representative = representative(of: story.members)
                story.hasRoundup = story.members.contains { $0 != slot && digest[Int($0)] }
                stories[key] = story
            }
        }
        alive[s] = false
        digestOverlaps[id] = nil
        signatures[s] = Self.emptySignature
        paragraphTotals[s] = []
        suspects[s] = []
        suspectEpoch[s] = -1
        freeSlots.append(slot)
    }

    /// Drops every document older than `cutoff` (seconds since 1970): the time window.
    /// Returns how many were dropped.
    @discardableResult
    public func expire(before cutoff: Double) -> Int {
        var old: [Int64] = []
        for s in 0..<ids.count where alive[s] && times[s] < cutoff { old.append(ids[s]) }
        for id in old { remove(document: id) }
        return old.count
    }

    // MARK: Reading

    /// The story `document` belongs to, if indexed.
    public func storyKey(of document: Int64) -> Int64? {
        slotOf[document].map { storyOf[Int($0)] }
    }

    /// The stories `document` shares one paragraph each with, when it was kept apart as a roundup.
    public func roundupOverlaps(of document: Int64) -> [Int64]? { digestOverlaps[document] }

    /// The story with `key`, if it has indexed members.
    public func story(_ key: Int64) -> StorySnapshot? {
        guard let story = stories[key] else { return nil }
        return StorySnapshot(key: key, representative: ids[Int(story.representative)],
                             members: story.members.map { ids[Int($0)] })
    }

    /// Compares two signatures with this clusterer's thresholds and learned stoplist.
    public func compare(_ a: DocumentSignature, _ b: DocumentSignature) -> PairComparison {
        compare(a, b, countingSharedBands: true)
    }

    private func compare(_ a: DocumentSignature, _ b: DocumentSignature, countingSharedBands: Bool) -> PairComparison {
        if let stoplist, stoplist.isActive {
            return verifier.compare(a, b, isStopShingle: { stoplist.isStopShingle($0) },
                                    countingSharedBands: countingSharedBands)
        }
        return verifier.compare(a, b, countingSharedBands: countingSharedBands)
    }

    /// Positions of `slot`'s boilerplate shingles, in ascending order, into `stopScratch`: only the
    /// shingles passing the stoplist's filter (kept per slot while the filter is unchanged) are
    /// looked up in its sketch.
    private func collectStops(of slot: Int32) {
        stopScratch.removeAll(keepingCapacity: true)
        guard let stoplist, stoplist.isActive else { return }
        let s = Int(slot)
        let epoch = stoplist.filterEpoch
        signatures[s].shingles.withUnsafeBufferPointer { shingles in
            if suspectEpoch[s] != epoch {
                let since = suspectEpoch[s]
                if since < 0 || epoch - since > 64 {
                    var found: [Int32] = []
                    for i in shingles.indices where stoplist.isSuspect(shingles[i]) { found.append(Int32(i)) }
                    suspects[s] = found
                } else {
                    // Only the buckets flagged since: each is one range of the sorted set.
                    let shift = UInt64(64 - ShingleStoplist.frequentBits)
                    for bit in stoplist.setBits[since..<epoch] {
                        var lo = 0, hi = shingles.count
                        let low = UInt64(bit) &<< shift
                        while lo < hi {
                            let mid = (lo &+ hi) &>> 1
                            if shingles[mid] < low { lo = mid &+ 1 } else { hi = mid }
                        }
                        while lo < shingles.count, shingles[lo] &>> shift == UInt64(bit) {
                            suspects[s].append(Int32(lo))
                            lo &+= 1
                        }
                    }
                }
                suspectEpoch[s] = epoch
            }
            for p in suspects[s] where stoplist.isFrequent(shingles[Int(p)]) { stopScratch.append(p) }
        }
    }

    /// Applies the stoplist to the document being added, once for all its comparisons.
    private func prepareIncoming(_ slot: Int32) {
        let signature = signatures[Int(slot)]
        guard signature.hasParagraphs else { incoming = .empty; return }
        collectStops(of: slot)
        incoming = CountedShingles(signature, rawTotals: paragraphTotals[Int(slot)], stops: stopScratch)
    }

    /// ``compare(_:_:countingSharedBands:)`` of the document being added (`slot`, prepared by
    /// ``prepareIncoming(_:)``) with the indexed `other`: the same figures, the stoplist asked
    /// only for `other`'s filter-passing shingles.
    private func compareIncoming(_ slot: Int32, with other: Int32) -> PairComparison {
        let a = signatures[Int(slot)], b = signatures[Int(other)]
        guard a.hasParagraphs && b.hasParagraphs else { return compare(a, b, countingSharedBands: false) }
        collectStops(of: other)
        let measured = ParagraphAlignment.measure(a, incoming, b, rawTotalsB: paragraphTotals[Int(other)], stopsB: stopScratch)
        return verifier.compare(a, b, isStopShingle: nil, countingSharedBands: false, measured: measured)
    }

    /// Estimated number of indexed stories containing the shingle `hash` (0 without a stoplist).
    public func storyFrequency(ofShingle hash: UInt64) -> Int { stoplist?.storyFrequency(hash) ?? 0 }

    // MARK: Private

    private static let emptySignature = DocumentSignature(minHash: [], shingles: [], shingleCount: 0,
                                                          containmentSample: [], shingleSize: 0, scheme: .onePermutation)

    private func allocate(id: Int64, signature: DocumentSignature, timestamp: Double, storyKey: Int64,
                          hasFullText: Bool) -> Int32 {
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            let s = Int(reused)
            ids[s] = id; times[s] = timestamp; storyOf[s] = storyKey; fullText[s] = hasFullText
            alive[s] = true; anchor[s] = false; digest[s] = false; signatures[s] = signature
            paragraphTotals[s] = signature.hasParagraphs ? CountedShingles.rawTotals(signature) : []
            suspects[s] = []; suspectEpoch[s] = -1
        } else {
            slot = Int32(ids.count)
            ids.append(id); times.append(timestamp); storyOf.append(storyKey); fullText.append(hasFullText)
            alive.append(true); anchor.append(false); digest.append(false); signatures.append(signature)
            candidateMark.append(0)
            sampleHits.append(0); sampleMark.append(0)
            paragraphTotals.append(signature.hasParagraphs ? CountedShingles.rawTotals(signature) : [])
            suspects.append([]); suspectEpoch.append(-1)
        }
        slotOf[id] = slot
        return slot
    }

    /// True when `a` comes before `b` as a representative: full text first, then earlier, then the
    /// smaller id (a total order: the representative is the least member).
    private func precedes(_ a: Int32, _ b: Int32) -> Bool {
        let ha = fullText[Int(a)], hb = fullText[Int(b)]
        if ha != hb { return ha }
        let ta = times[Int(a)], tb = times[Int(b)]
        return ta != tb ? ta < tb : ids[Int(a)] < ids[Int(b)]
    }

    /// Earliest member with full text; earliest member when none has it. Ties: smaller id.
    private func representative(of members: [Int32]) -> Int32 {
        func earlier(_ a: Int32, _ b: Int32) -> Bool {
            let ta = times[Int(a)], tb = times[Int(b)]
            return ta != tb ? ta < tb : ids[Int(a)] < ids[Int(b)]
        }
        var best: Int32 = -1
        var bestHasText = false
        for m in members {
            let hasText = fullText[Int(m)]
            if best < 0 || (hasText && !bestHasText) || (hasText == bestHasText && earlier(m, best)) {
                best = m
                bestHasText = hasText
            }
        }
        return best
    }

    /// True when `match` shows the new document beginning the way the matched one begins: both
    /// have one of their first two substantial paragraphs found in the other (paragraph alignment),
    /// or, for signatures without paragraphs, the first sampled lead shingle of `slot` is among
    /// the matched document's samples.
    private func leadAligned(_ slot: Int32, _ match: StoryMatch) -> Bool {
        if let a = match.comparison.alignment { return a.first.leadFound && a.second.leadFound }
        guard let first = signatures[Int(slot)].containmentSample.first else { return false }
        return signatures[Int(match.matched)].containmentSample.contains(first)
    }

    private struct StoryMatch {
        var key: Int64
        var matched: Int32
        var comparison: PairComparison
    }

    /// What comparing a new document with one story's members showed.
    private struct StoryEvidence {
        var match: StoryMatch?
        /// Largest share of the new document lying in paragraphs found in a compared member.
        var share = 0.0
        /// The new document's substantial paragraphs found in a compared member whose lead it holds.
        var paragraphs: UInt64 = 0
    }

    /// The story `slot` joins, or a new story keyed by its id.
    private func chooseStory(for slot: Int32, candidates: [Int32]) -> Assignment {
        let s = Int(slot)
        let now = times[s]
        var storyKeys: [Int64] = []
        var seenKeys = Set<Int64>()
        for c in candidates {
            let ci = Int(c)
            guard alive[ci], abs(times[ci] - now) <= configuration.window else { continue }
            let key = storyOf[ci]
            if seenKeys.insert(key).inserted { storyKeys.append(key) }
        }
        var best: StoryMatch?
        var partial: [(key: Int64, paragraphs: UInt64)] = []
        var explained = false
        var matched: [StoryMatch] = []
        for key in storyKeys {
            guard let story = stories[key] else { continue }
            let evidence = evaluate(slot, against: story, key: key)
            if evidence.share >= configuration.roundupShare { explained = true }
            else if evidence.paragraphs != 0 { partial.append((key, evidence.paragraphs)) }
            guard let match = evidence.match else { continue }
            matched.append(match)
            if let current = best {
                // Rank first by lead alignment: a summary or excerpt that two stories both contain
                // belongs to the one that *starts* with it, not to a follow-up quoting it further
                // down. Then by overall likeness (Jaccard), so it joins the story it covers most of;
                // then by the deciding similarity; then the older key.
                let la = leadAligned(slot, match), lb = leadAligned(slot, current)
                let (a, b) = (match.comparison, current.comparison)
                let ja = a.exactJaccard ?? a.estimatedJaccard, jb = b.exactJaccard ?? b.estimatedJaccard
                let better = la != lb ? la
                    : ja != jb ? ja > jb
                    : (a.similarity != b.similarity ? a.similarity > b.similarity : match.key < current.key)
                if !better { continue }
            }
            best = match
            // An exact copy of a story's member, aligned at the lead, ranks first whatever comes
            // next (two stories cannot both hold an identical text): stop looking.
            if match.comparison.exactJaccard == 1, leadAligned(slot, match) { explained = true; break }
        }
        if !explained, let overlapped = Self.roundupOverlaps(partial) {
            digest[s] = true
            digestOverlaps[ids[s]] = overlapped
            return .newStory(storyKey: ids[s])
        }
        guard let best else { return .newStory(storyKey: ids[s]) }
        pendingMerges = bridgedStories(matched, joining: best)
        return .joined(storyKey: best.key, matchedDocument: ids[Int(best.matched)],
                       similarity: best.comparison.similarity, reason: best.comparison.reason)
    }

    /// The other stories the new document is a near-whole copy of, when it is one of the story it joins
    /// too (a match with Jaccard at least ``DedupConfiguration/mergeJaccard`` with each): it shows they
    /// are one story that arrived as two, e.g. two supersets of an origin (a developing version with new
    /// paragraphs on top, a copy with local paragraphs) that each contain the origin but not each
    /// other. Only whole-copy likeness on both sides bridges: an excerpt or early version contained in
    /// its story (low Jaccard with it) that looks like a follow-up quoting the same lead proves
    /// nothing, and a story holding a roundup never merges.
    private func bridgedStories(_ matched: [StoryMatch], joining best: StoryMatch) -> [StoryMatch] {
        func bridges(_ c: PairComparison) -> Bool {
            // Containment is the relation of an excerpt or an early version to its story: no bridge.
            c.reason != .containment && c.reason != .estimatedContainment
                && (c.exactJaccard ?? c.estimatedJaccard) >= configuration.mergeJaccard
        }
        guard matched.count > 1, let target = stories[best.key], !target.hasRoundup,
              bridges(best.comparison) else { return [] }
        return matched.filter { match in
            guard match.key != best.key, let story = stories[match.key] else { return false }
            return bridges(match.comparison) && !story.hasRoundup
        }
    }

    /// True when `c` matches two texts as a whole: Jaccard, and (with paragraphs) most paragraphs of
    /// each found in the other. The only way to join a roundup: a roundup sharing one long lead
    /// paragraph with another can reach Jaccard 0.5 without being a copy of it.
    static func isWholeCopy(_ c: PairComparison) -> Bool {
        guard c.isMatch, c.reason == .jaccard || c.reason == .estimatedJaccard else { return false }
        guard let a = c.alignment else { return true }
        return a.first.found * 5 >= a.first.paragraphs * 4 && a.second.found * 5 >= a.second.paragraphs * 4
    }

    /// The stories a document summarizes when it shares, with at least two of them, a substantial
    /// paragraph found in no other (one lead paragraph each: a roundup); nil otherwise. A paragraph
    /// found in every story (a site's footer not yet learned as boilerplate) is no such evidence.
    static func roundupOverlaps(_ partial: [(key: Int64, paragraphs: UInt64)]) -> [Int64]? {
        guard partial.count >= 2 else { return nil }
        var own: [Int64] = []
        for (i, p) in partial.enumerated() {
            var others: UInt64 = 0
            for (j, q) in partial.enumerated() where j != i { others |= q.paragraphs }
            if p.paragraphs & ~others != 0 { own.append(p.key) }
        }
        return own.count >= 2 ? own : nil
    }

    /// A match with a member that is most of the story (at least ``coreShareOfRepresentative`` of the
    /// representative's size) by a document of about its size (within ``coreSizeRatio`` either way)
    /// is a match with the story: an edited copy matches the clean origin but not a copy padded
    /// with local paragraphs that represents the story. The size bounds keep out what chaining needs:
    /// a follow-up or a roundup is matched through a short member (an excerpt, a lead) it contains.
    static func isCoreMatch(memberSize: Double, size: Double, representativeSize: Double) -> Bool {
        guard memberSize > 0, size > 0 else { return false }
        return memberSize >= coreShareOfRepresentative * representativeSize
            && min(memberSize, size) >= coreSizeRatio * max(memberSize, size)
    }

    /// See ``isCoreMatch(memberSize:size:representativeSize:)``.
    static let coreShareOfRepresentative = 0.5
    static let coreSizeRatio = 0.75

    /// Accepts the story if `slot` matches its representative or an anchor (a member containing the
    /// representative), a core member (``isCoreMatch(memberSize:size:representativeSize:)``), or more
    /// than half of the members compared. A roundup member is matched
    /// only as a whole (Jaccard), never through a paragraph of it the new document contains.
    private func evaluate(_ slot: Int32, against story: Story, key: Int64) -> StoryEvidence {
        var evidence = StoryEvidence()
        func compared(_ m: Int32) -> PairComparison {
            var c = compareIncoming(slot, with: m)
            let whole = !digest[Int(m)] || Self.isWholeCopy(c)
            if !whole { c.isMatch = false }
            if let a = c.alignment {
                if whole { evidence.share = max(evidence.share, a.first.coveredShare) }
                // Only a member whose *start* the new document holds (a lead quoted in a roundup,
                // an excerpt) is evidence of a roundup; one quoted in its middle is a follow-up's.
                if a.second.leadFound { evidence.paragraphs |= a.first.substantialFound }
            }
            return c
        }
        let rep = story.representative
        let repComparison = compared(rep)
        if repComparison.isMatch {
            evidence.match = StoryMatch(key: key, matched: rep, comparison: repComparison)
            return evidence
        }
        guard story.members.count > 1 else { return evidence }
        var count = 1
        var matches = 0
        var bestMember: StoryMatch?
        var bestAnchor: StoryMatch?
        var bestCore: StoryMatch?
        let repSize = Double(signatures[Int(rep)].shingleCount)
        let size = Double(signatures[Int(slot)].shingleCount)
        func isCore(_ m: Int32) -> Bool {
            Self.isCoreMatch(memberSize: Double(signatures[Int(m)].shingleCount), size: size, representativeSize: repSize)
        }
        // The members looked at: the first `maximumMembersCompared` (the representative counted).
        // A member sharing no LSH band and no sampled shingle with the new document is counted as
        // not matching without comparing: the loop costs only the candidates.
        memberScratch.removeAll(keepingCapacity: true)
        for m in story.members where m != rep {
            guard count < configuration.maximumMembersCompared else { break }
            count += 1
            if candidateMark[Int(m)] == candidateStamp { memberScratch.append(m) }
        }
        // At most `maximumComparisonsPerStory` of them are compared, so a story of hundreds of
        // copies costs what a small one does: when more are candidates, the ones whose match alone
        // decides (anchors and core-size members) come first, then the others, in arrival order.
        let limit = configuration.maximumComparisonsPerStory
        if memberScratch.count > limit {
            let decisive = memberScratch.filter { anchor[Int($0)] || isCore($0) }
            var kept = Set(decisive.prefix(limit))
            for m in memberScratch where kept.count < limit && !kept.contains(m) { kept.insert(m) }
            memberScratch.removeAll { !kept.contains($0) }
        }
        for m in memberScratch {
            let c = compared(m)
            guard c.isMatch else { continue }
            matches += 1
            let match = StoryMatch(key: key, matched: m, comparison: c)
            if bestMember == nil || c.similarity > bestMember!.comparison.similarity { bestMember = match }
            if anchor[Int(m)], bestAnchor == nil || c.similarity > bestAnchor!.comparison.similarity { bestAnchor = match }
            if isCore(m), bestCore == nil || c.similarity > bestCore!.comparison.similarity { bestCore = match }
        }
        evidence.match = bestAnchor ?? bestCore ?? (matches * 2 > count ? bestMember : nil)
        return evidence
    }
}
