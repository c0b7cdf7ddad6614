import Fetch
import Foundation
import SyndicCore

/// The bytes behind a command-line argument that names a document: a local path, a file:// URL,
/// or an http(s) URL fetched once with Syndic's fetcher (same limits and User-Agent as a poll).
struct LoadedInput {
    var bytes: [UInt8]
    /// The document's own URL (after redirects) when it came from the network or a file:// URL.
    var url: String?
    /// The charset of the HTTP Content-Type, when the server sent one.
    var httpCharset: String?

    enum Failure: UserFacingError {
        case unreadable(String)
        case fetch(FetchError)
        case httpStatus(String, Int)

        var exitCode: SyndicExitCode {
            switch self {
            case .unreadable: return .noInput
            case .fetch(let error): return error.exitCode
            case .httpStatus: return .dataError
            }
        }

        var description: String {
            switch self {
            case .unreadable(let path): return "cannot read \(path); check the path and its permissions"
            case .fetch(let error): return error.description
            case .httpStatus(let url, let status): return "\(url) answered HTTP \(status); check the address"
            }
        }
    }

    /// Loads `argument`; http(s) URLs go through `fetcher` (and its network policy).
    static func load(_ argument: String, fetcher: Fetcher = Fetcher()) async throws(Failure) -> LoadedInput {
        let lower = argument.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            switch await fetcher.fetch(FetchRequest(url: argument)) {
            case .failure(let error):
                throw .fetch(error)
            case .success(let response):
                guard response.isSuccess else { throw .httpStatus(argument, response.status) }
                return LoadedInput(bytes: response.body, url: response.finalURL, httpCharset: response.charset)
            }
        }
        let path = lower.hasPrefix("file://") ? (URL(string: argument)?.path ?? String(argument.dropFirst(7))) : argument
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        return LoadedInput(bytes: Array(data), url: lower.hasPrefix("file://") ? argument : nil, httpCharset: nil)
    }
}
