import CCurl

/// Turns a finished libcurl transfer into a ``FetchResponse`` or a ``FetchError``: the one function that
/// maps libcurl result codes to errors a user understands.
enum TransferOutcome {
    static func make(easy: UnsafeMutableRawPointer, code: CURLcode, transfer: Transfer, policy: FetchPolicy)
        -> Result<FetchResponse, FetchError>
    {
        let request = transfer.job.request
        guard code == CURLE_OK else {
            return .failure(error(for: code, transfer: transfer, policy: policy, easy: easy))
        }
        var status = 0
        syndic_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        let isFile = URLParts(request.url)?.scheme == "file"
        if status == 0 && isFile { status = 200 }

        var effective: UnsafeMutablePointer<CChar>?
        syndic_easy_getinfo_string(easy, CURLINFO_EFFECTIVE_URL, &effective)
        let finalURL = effective.map { String(cString: $0) } ?? request.url

        var headerBytes = 0
        syndic_easy_getinfo_long(easy, CURLINFO_HEADER_SIZE, &headerBytes)
        var bodyBytes: curl_off_t = 0
        syndic_easy_getinfo_off(easy, CURLINFO_SIZE_DOWNLOAD_T, &bodyBytes)

        return .success(FetchResponse(
            requestedURL: request.url,
            finalURL: finalURL,
            redirects: transfer.redirects,
            status: status,
            headers: transfer.headers,
            body: transfer.body,
            timings: timings(easy),
            bytesOnWire: isFile ? 0 : headerBytes + Int(bodyBytes),
            httpVersion: httpVersion(easy)
        ))
    }

    static func error(for code: CURLcode, transfer: Transfer, policy: FetchPolicy,
                      easy: UnsafeMutableRawPointer?) -> FetchError {
        let request = transfer.job.request
        let url = request.url
        let detail = transfer.errorText.isEmpty ? String(cString: curl_easy_strerror(code)) : transfer.errorText
        if transfer.exceededBodyLimit || code == CURLE_FILESIZE_EXCEEDED {
            return .bodyTooLarge(url: url, limit: transfer.maxBodyBytes)
        }
        if let address = transfer.refusedAddress {
            return .privateNetworkDenied(url: url, address: address)
        }
        if let host = transfer.refusedName {
            return .nameNotMapped(url: url, host: host)
        }
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dns(url: url, host: URLParts(transfer.redirects.last?.location ?? url)?.host ?? url)
        case CURLE_COULDNT_CONNECT:
            return .refused(url: url)
        case CURLE_OPERATION_TIMEDOUT:
            if detail.contains("too slow") {
                return .stalled(url: url, bytesPerSecond: policy.lowSpeedBytesPerSecond, seconds: policy.lowSpeedSeconds)
            }
            if detail.hasPrefix("Operation timed out") {
                return .totalTimeout(url: url, seconds: request.timeout ?? policy.totalTimeout)
            }
            return .connectTimeout(url: url, seconds: min(policy.connectTimeout, request.timeout ?? policy.totalTimeout))
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
             CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_ENGINE_NOTFOUND,
             CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED:
            return .tls(url: url, detail: detail)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(url: url, limit: policy.maxRedirects)
        case CURLE_UNSUPPORTED_PROTOCOL:
            // libcurl also says this when an http(s) server answers something that is not HTTP
            // ("Received HTTP/0.9 when not allowed"): then the scheme was fine and the answer was not.
            // (Redirects may only lead to http and https; the first request may also be a file URL.)
            let target = transfer.redirects.last?.location ?? url
            let scheme = target.split(separator: ":", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            let allowed: Set<String> = transfer.redirects.isEmpty ? ["http", "https", "file"] : ["http", "https"]
            if allowed.contains(scheme) {
                return .protocolError(url: url, detail: detail.isEmpty ? "not HTTP" : detail)
            }
            return .unsupportedScheme(url: target)
        case CURLE_URL_MALFORMAT:
            return .invalidURL(url: url)
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING:
            return .connectionLost(url: url, detail: detail)
        case CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_BAD_CONTENT_ENCODING,
             CURLE_HTTP3, CURLE_RANGE_ERROR:
            return .protocolError(url: url, detail: detail)
        case CURLE_FILE_COULDNT_READ_FILE, CURLE_READ_ERROR:
            return .fileUnreadable(url: url)
        default:
            return .other(url: url, code: Int(code.rawValue), detail: detail)
        }
    }

    private static func timings(_ easy: UnsafeMutableRawPointer) -> FetchTimings {
        func seconds(_ info: CURLINFO) -> Double {
            var micro: curl_off_t = 0
            syndic_easy_getinfo_off(easy, info, &micro)
            return Double(micro) / 1_000_000
        }
        return FetchTimings(
            dns: seconds(CURLINFO_NAMELOOKUP_TIME_T),
            connect: seconds(CURLINFO_CONNECT_TIME_T),
            tls: seconds(CURLINFO_APPCONNECT_TIME_T),
            firstByte: seconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: seconds(CURLINFO_TOTAL_TIME_T),
            redirect: seconds(CURLINFO_REDIRECT_TIME_T)
        )
    }

    private static func httpVersion(_ easy: UnsafeMutableRawPointer) -> String {
        var version = 0
        syndic_easy_getinfo_long(easy, CURLINFO_HTTP_VERSION, &version)
        switch version {
        case CURL_HTTP_VERSION_1_0: return "1.0"
        case CURL_HTTP_VERSION_1_1: return "1.1"
        case CURL_HTTP_VERSION_2_0: return "2"
        case CURL_HTTP_VERSION_3: return "3"
        default: return ""
        }
    }
}
