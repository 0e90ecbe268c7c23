/// What went wrong talking to a platform, with what to do about it. Every message goes through
/// `Redaction` when printed; none carries a token.
public enum PlatformError: VouchError, Sendable {
    /// Rate limited until `reset`, longer than Vouch waits.
    case rateLimited(host: String, reset: Timestamp)
    case notFound(url: String)
    case refused(url: String, status: Int, message: String)
    case unauthorized(url: String, tokenVariables: String)
    case unavailable(url: String, detail: String)
    case tls(host: String, detail: String)
    case proxy(proxy: String, detail: String)
    case timeout(host: String, seconds: Int64, tries: Int)
    /// Nothing listens at the API's address.
    case unreachable(host: String, tries: Int)
    case malformed(url: String, detail: String)
    case missingSetting(String)

    public var description: String {
        switch self {
        case .rateLimited(let host, let reset):
            "\(host) rate-limits this token until \(reset.utcISO8601), longer than Vouch waits; what was fetched so far is recorded: run the command again after \(reset.utcISO8601) to continue"
        case .notFound(let url): "\(Redaction.url(url)) was not found (404): check the repository or project name and that the token may read it"
        case .refused(let url, let status, let message): "\(Redaction.url(url)) answered \(status)\(message.isEmpty ? "" : ": \(message)")"
        case .unauthorized(let url, let variables): "\(Redaction.url(url)) refused the token (401): set a valid token in \(variables)"
        case .unavailable(let url, let detail): "\(Redaction.url(url)) could not be reached after several tries: \(detail)"
        case .tls(let host, let detail):
            "the TLS connection to \(host) failed: \(detail); behind a TLS-inspecting proxy, add its certificate to the system's trust store (or point SSL_CERT_FILE at a bundle with it)"
        case .proxy(let proxy, let detail): "the proxy \(Redaction.url(proxy)) failed: \(detail); check HTTPS_PROXY and NO_PROXY"
        case .timeout(let host, let seconds, let tries):
            "\(host) did not answer within \(seconds) s (\(tries) tries); check the network, HTTPS_PROXY and NO_PROXY, or allow longer with --timeout"
        case .unreachable(let host, let tries):
            "\(host) refused the connection (\(tries) tries): nothing answers there; check the API URL (GITHUB_API_URL, CI_API_V4_URL or GITLAB_API_URL) and HTTPS_PROXY"
        case .malformed(let url, let detail): "\(Redaction.url(url)) answered with something that is not what its REST API documents: \(detail)"
        case .missingSetting(let message): message
        }
    }
}
