/// Process exit statuses in the style of BSD `sysexits.h`, so cron and scripts can tell
/// a usage mistake from bad data or a temporary failure.
public enum SyndicExitCode: Int32, Sendable {
    case success = 0
    case failure = 1
    /// The command was used incorrectly (bad flag, bad argument).
    case usage = 64
    /// The input data was malformed.
    case dataError = 65
    /// An input file did not exist or was not readable.
    case noInput = 66
    /// An output file or database could not be created.
    case cannotCreate = 73
    /// A temporary failure: trying again later may work (e.g. another poll holds the lock).
    case temporaryFailure = 75
}

/// An error that knows how to present itself to the person at the terminal.
///
/// Every module's error enum conforms, so the command line prints one line that says what went
/// wrong and what to do, and exits with a status that scripts can act on.
public protocol UserFacingError: Error, CustomStringConvertible, Sendable {
    /// The status the process exits with when this error ends a command.
    var exitCode: SyndicExitCode { get }
}
