import Digest
import Hummingbird
import Storage

/// Adds the headers that keep every page inert in a browser even if hostile text slipped through:
/// a script-free Content-Security-Policy, no MIME sniffing, no framing, no referrer, and no DNS
/// prefetching of the feeds' links (a browser would otherwise look up every linked site). Errors from
/// routes (unknown paths, bad ids) become pages in the shared style.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Pages.errorResponse(status: error.status, message: error.body)
        } catch StorageError.storyNotFound(let id) {
            response = Pages.errorResponse(status: .notFound, message: "No story has id \(id).")
        } catch {
            context.logger.error("request failed: \(error)")
            response = Pages.errorResponse(status: .internalServerError, message: "The database could not be read; see the server's log.")
        }
        response.headers[.contentSecurityPolicy] = HTMLPage.contentSecurityPolicyHeader
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("X-Frame-Options")!] = "DENY"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        response.headers[.init("X-DNS-Prefetch-Control")!] = "off"
        return response
    }
}
