import Foundation
import Logging

/// Runs a step and logs how long it took at debug level (`--verbose`): `stories query: 50 stories in 3.21 ms`.
///
/// The figures `scripts/bench.sh storage` reads, apart from the process's own start-up.
enum Timed {
    private static let log = Logger(label: "syndic.timing")

    static func run<T>(_ step: String, count: (T) -> Int? = { _ in nil }, _ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        let result = try await body()
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        let what = count(result).map { ": \($0) stories" } ?? ""
        log.debug("\(step)\(what) in \(String(format: "%.2f", milliseconds)) ms")
        return result
    }
}
