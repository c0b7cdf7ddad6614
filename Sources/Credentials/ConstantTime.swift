/// Comparison of secrets whose time does not depend on where they differ.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes; every byte is compared whatever the outcome (only a
    /// difference in length returns early, and lengths here are fixed by the format, not secret).
    public static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// ``equal(_:_:)`` on the UTF-8 bytes of two texts (hex digests, keys).
    public static func equal(_ a: String, _ b: String) -> Bool {
        equal(Array(a.utf8), Array(b.utf8))
    }
}
