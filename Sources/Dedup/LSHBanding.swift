/// How the MinHash lanes are cut into LSH bands: `bands` × `rows` ≤ lane count.
///
/// Two documents become candidates when all `rows` lanes of at least one band agree, which happens
/// with probability 1 − (1 − sʳ)ᵇ at Jaccard s: an S-curve whose steep part sits near the threshold.
public struct LSHBanding: Sendable, Equatable, CustomStringConvertible {
    public let bands: Int
    public let rows: Int

    public init(bands: Int, rows: Int) {
        precondition(bands > 0 && rows > 0)
        self.bands = bands
        self.rows = rows
    }

    public var description: String { "\(bands) bands × \(rows) rows" }

    /// Probability that two documents of Jaccard `s` share at least one band.
    public func candidateProbability(_ s: Double) -> Double {
        1 - pow1(1 - pow1(s, rows), bands)
    }

    /// The banding minimizing `falsePositiveWeight · ∫₀ᵗ P(s) ds + falseNegativeWeight · ∫ₜ¹ (1 − P(s)) ds`,
    /// exactly as datasketch's `MinHashLSH._optimal_param` (midpoint rule, step 0.001), so the
    /// same threshold gives the same bands (0.5 with 128 lanes → 25 × 5).
    public static func optimal(threshold: Double, laneCount: Int,
                               falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5) -> LSHBanding {
        var best = LSHBanding(bands: 1, rows: 1)
        var minError = Double.infinity
        for b in 1...laneCount {
            for r in 1...(laneCount / b) {
                let banding = LSHBanding(bands: b, rows: r)
                let fp = integrate(0, threshold) { banding.candidateProbability($0) }
                let fn = integrate(threshold, 1) { 1 - banding.candidateProbability($0) }
                let error = fp * falsePositiveWeight + fn * falseNegativeWeight
                if error < minError {
                    minError = error
                    best = banding
                }
            }
        }
        return best
    }

    /// datasketch's fallback integrator: midpoint rule with step 0.001.
    private static func integrate(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        let step = 0.001
        var area = 0.0
        var x = a
        while x < b {
            area += f(x + 0.5 * step) * step
            x += step
        }
        return area
    }
}

/// Integer power by repeated squaring (avoids Foundation's `pow`).
func pow1(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0
    var b = base
    var e = exponent
    while e > 0 {
        if e & 1 == 1 { result *= b }
        b *= b
        e >>= 1
    }
    return result
}
