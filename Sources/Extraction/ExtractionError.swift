import SyndicCore

/// Why a page yielded no article.
public enum ExtractionError: UserFacingError, Equatable {
    /// The input had no bytes at all.
    case emptyInput
    /// libxml2 could not build any document from the bytes (e.g. binary data).
    case unparsable
    /// The page parsed but holds no text that could be a story (e.g. an image or a redirect stub).
    case noContent

    public var description: String {
        switch self {
        case .emptyInput:
            return "The page is empty (0 bytes). Check that the file or download is complete."
        case .unparsable:
            return "The bytes could not be parsed as HTML. Check that the input is a web page, not binary data."
        case .noContent:
            return "The page holds no article text. It may need JavaScript, be a paywall stub, or not be an article."
        }
    }

    public var exitCode: SyndicExitCode { .dataError }
}
