import SyndicCore

/// Why a document could not be turned into a feed at all.
///
/// Ill-formed but recoverable documents do not throw: they come back with `ParsedFeed.bozo` set.
public enum FeedParsingError: UserFacingError, Equatable {
    /// The body was empty (or only whitespace).
    case emptyDocument
    /// libxml2 could not even create a parser for the bytes (out of memory or an absurd size).
    case parserUnavailable
    /// The body exceeds the size the parser accepts.
    case tooLarge(bytes: Int, limit: Int)

    public var description: String {
        switch self {
        case .emptyDocument:
            return "The feed body is empty; check that the URL serves a feed (try it in a browser)."
        case .parserUnavailable:
            return "The XML parser could not be started (out of memory?); retry, or report the feed."
        case let .tooLarge(bytes, limit):
            return "The feed is \(bytes) bytes, more than the \(limit)-byte limit; ask the site for a smaller feed."
        }
    }

    public var exitCode: SyndicExitCode { .dataError }
}
