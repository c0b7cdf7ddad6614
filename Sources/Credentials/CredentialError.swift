import SyndicCore

/// What can go wrong with a user's secret, in words that say what to do.
public enum CredentialError: UserFacingError, Equatable {
    /// An empty password (or password file).
    case emptyPassword
    /// The two passwords typed at the prompt differ.
    case passwordsDiffer
    /// The password could not be read from the terminal (no terminal, or input ended).
    case noTerminal
    /// The password file could not be read.
    case unreadablePasswordFile(String)
    /// The key derivation failed (out of memory).
    case hashingFailed(String)

    public var exitCode: SyndicExitCode {
        switch self {
        case .emptyPassword, .passwordsDiffer: return .usage
        case .noTerminal, .unreadablePasswordFile: return .noInput
        case .hashingFailed: return .failure
        }
    }

    public var description: String {
        switch self {
        case .emptyPassword: return "the password is empty; type one, or put it on the first line of --password-file"
        case .passwordsDiffer: return "the two passwords differ; nothing was changed — run the command again"
        case .noTerminal: return "no terminal to read the password from; give it with --password-file FILE (or - for stdin)"
        case .unreadablePasswordFile(let path): return "cannot read the password file \(path); check the path and its permissions"
        case .hashingFailed(let reason): return "the password could not be hashed (\(reason)); try again with more free memory"
        }
    }
}
