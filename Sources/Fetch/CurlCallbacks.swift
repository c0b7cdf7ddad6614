import CCurl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C callbacks given to libcurl. Each receives the ``Transfer`` as its user pointer (unretained: the
/// driver keeps the transfer alive while its easy handle is in the multi handle).
enum CurlCallbacks {
    /// CURLOPT_WRITEFUNCTION: decoded body bytes. Returning less than offered aborts with CURLE_WRITE_ERROR.
    static let body: curl_write_callback = { data, size, count, user in
        let length = size * count
        guard let data, let user, length > 0 else { return length }
        let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
        let chunk = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        return transfer.appendBody(UnsafeBufferPointer(start: chunk, count: length)) ? length : 0
    }

    /// CURLOPT_HEADERFUNCTION: one complete header line per call, for every response in the redirect chain.
    static let header: curl_write_callback = { data, size, count, user in
        let length = size * count
        guard let data, let user else { return length }
        let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
        let line = UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self)
        transfer.receiveHeaderLine(UnsafeBufferPointer(start: line, count: length))
        return length
    }

    /// CURLOPT_OPENSOCKETFUNCTION: runs after DNS, before every new connection (redirects included).
    static let openSocket: curl_opensocket_callback = { user, _, address in
        guard let user, let address else { return CURL_SOCKET_BAD }
        let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
        let allowed = withUnsafePointer(to: &address.pointee.addr) { transfer.mayConnect(to: $0) }
        guard allowed else { return CURL_SOCKET_BAD }
        return socket(address.pointee.family, address.pointee.socktype, address.pointee.protocol)
    }

    /// CURLOPT_RESOLVER_START_FUNCTION: runs before libcurl asks the system resolver (names mapped with
    /// CURLOPT_RESOLVE are in its cache and never get here). Non-zero aborts the lookup.
    static let resolverStart: curl_resolver_start_callback = { _, _, user in
        guard let user else { return 1 }
        let transfer = Unmanaged<Transfer>.fromOpaque(user).takeUnretainedValue()
        return transfer.mayAskResolver() ? 0 : 1
    }
}
