extension String {
    /// Byte-wise substring test on UTF-8; much faster than Foundation's `contains`, which goes
    /// through CFString. Case-sensitive: callers lowercase first.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { hay in
            needle.withUTF8 { pin in
                let count = pin.count
                guard count > 0 else { return true }
                guard hay.count >= count else { return false }
                let first = pin[0]
                var start = 0
                let last = hay.count - count
                while start <= last {
                    if hay[start] == first {
                        var offset = 1
                        while offset < count, hay[start + offset] == pin[offset] { offset += 1 }
                        if offset == count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
