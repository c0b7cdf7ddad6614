import SyndicCore

/// What can go wrong when choosing or writing a digest, in words that say what to do.
public enum DigestError: UserFacingError, Equatable {
    /// A `--since`/`--until` value (or `since=` query parameter) that is neither a duration nor a time.
    case badTime(String)
    /// The output file could not be written.
    case cannotWrite(path: String, reason: String)

    public var exitCode: SyndicExitCode {
        switch self {
        case .badTime: return .usage
        case .cannotWrite: return .cannotCreate
        }
    }

    public var description: String {
        switch self {
        case .badTime(let text):
            return "'\(text)' is not a time: use a duration before now such as 90m, 24h, 7d or 2w, an RFC 3339 time such as 2026-11-29T06:00:00Z, or 'all'"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason); check that the folder exists and is writable, or choose another --output"
        }
    }
}
