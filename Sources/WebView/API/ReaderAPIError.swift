import Foundation
import Hummingbird

/// What the reader APIs answer when a request cannot be served: a status and a plain-text reason
/// that tells the user (or the app's developer) what to do. Never a 500 for bad input.
enum ReaderAPIError: Error, Equatable, CustomStringConvertible {
    /// No user has a password (or Fever key): the API is off.
    case disabled
    /// Served on a non-loopback address without TLS and without `--insecure-http`.
    case insecure(host: String)
    /// No or an unknown `Authorization: GoogleLogin auth=…` token.
    case unauthorized
    /// ClientLogin with a wrong name or password.
    case badLogin
    /// Too many failed logins from this address; retry after that many seconds.
    case rateLimited(retryAfter: Int)
    /// A state-changing POST without the `T` token of `reader/api/0/token`.
    case badActionToken
    /// A bad id, stream or parameter.
    case badRequest(String)
    /// No such API endpoint.
    case unknownEndpoint(String)

    var status: HTTPResponse.Status {
        switch self {
        case .disabled, .unknownEndpoint: return .notFound
        case .insecure, .badLogin: return .forbidden
        case .unauthorized, .badActionToken: return .unauthorized
        case .rateLimited: return .tooManyRequests
        case .badRequest: return .badRequest
        }
    }

    var description: String {
        switch self {
        case .disabled:
            return "The reader API is off: no user has a password. Add one with `syndic users add NAME` "
                + "(or `syndic users passwd NAME`), then restart `syndic serve`."
        case .insecure(let host):
            return "The reader API is off on \(host): it would send passwords and tokens without TLS. Serve it behind an "
                + "HTTPS reverse proxy (`syndic serve --self-url https://…`), listen on 127.0.0.1, or pass --insecure-http "
                + "to accept the risk."
        case .unauthorized:
            return "Unauthorized: log in with accounts/ClientLogin (Email, Passwd) and send `Authorization: GoogleLogin auth=TOKEN`; "
                + "tokens revoked with `syndic users tokens revoke` no longer work."
        case .badLogin:
            return "Error=BadAuthentication\nThe user name or password is wrong (a token from `syndic users tokens create` works as the password too)."
        case .rateLimited(let seconds):
            return "Too many failed logins from this address: try again in \(seconds) seconds."
        case .badActionToken:
            return "This request changes state and needs the T parameter from reader/api/0/token."
        case .badRequest(let reason):
            return reason
        case .unknownEndpoint(let path):
            return "No reader API endpoint \(path.prefix(200)): see the README's \u{201C}Read Syndic in your apps\u{201D}."
        }
    }

    /// The answer: the status, `text/plain` reason, `Retry-After` when limited and FreshRSS's
    /// `Google-Bad-Token` header for a missing action token (clients fetch a new one on it).
    var response: Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        if case .rateLimited(let seconds) = self { headers[.retryAfter] = String(seconds) }
        if case .badActionToken = self { headers[.init("Google-Bad-Token")!] = "true" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: description + "\n")))
    }
}
