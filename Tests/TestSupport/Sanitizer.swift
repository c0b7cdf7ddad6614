import Foundation

/// Whether this test process runs under a sanitizer, from `SYNDIC_SANITIZER` (set by
/// `scripts/test.sh --sanitize address|thread`). Time and memory bounds that a sanitizer's slowdown or
/// shadow memory would break are multiplied by ``scaled(_:)``, which is 1 in normal runs, so no bound is
/// loosened there.
public enum Sanitizer {
    /// `address` or `thread`; nil in a normal run.
    public static var name: String? {
        let value = ProcessInfo.processInfo.environment["SYNDIC_SANITIZER"] ?? ""
        return value.isEmpty ? nil : value
    }

    /// 1 without a sanitizer; `factor` under one.
    public static func scaled(_ factor: Double) -> Double { name == nil ? 1 : factor }
}
