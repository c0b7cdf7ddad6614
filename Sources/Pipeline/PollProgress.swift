/// Progress reports during a poll, for a progress bar.
public struct PollProgress: Sendable, Equatable {
    public enum Phase: String, Sendable {
        case feeds, pages, stories
    }
    public var phase: Phase
    public var done: Int
    public var total: Int
}
