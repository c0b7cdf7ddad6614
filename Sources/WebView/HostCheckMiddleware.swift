import Hummingbird

/// Answers `421 Misdirected Request` to every request whose `Host` is not one ``HostPolicy`` serves,
/// before any route reads the database: the one place the DNS-rebinding defence is applied.
///
/// 421 says what happened (the request reached a server that does not answer for that name) and,
/// unlike 403, does not suggest the user lacks a permission they could be given; the page says how to
/// reach the server or allow the name.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let policy: HostPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard policy.allows(authority: request.head.authority) else {
            let shown = String((request.head.authority ?? "").prefix(100))
            throw HTTPError(.misdirectedRequest, message: "This Syndic server does not answer for the host name \u{201C}\(shown)\u{201D}. "
                + "Open it by an address it serves (such as http://127.0.0.1 with its port), or, if this name is yours, "
                + "start it with: syndic serve --allowed-host NAME")
        }
        return try await next(request, context)
    }
}
