/// A request waiting for, or in, the driver, with where its result goes.
struct FetchJob: Sendable {
    let id: Int
    /// Jobs submitted together share a batch id so an abandoned batch can be cancelled as a whole.
    let batch: Int
    let request: FetchRequest
    /// Host name used for the per-host limit and delay.
    let hostKey: String
    /// Called exactly once on the driver thread, unless the batch is cancelled first.
    let completion: @Sendable (Result<FetchResponse, FetchError>) -> Void
}
