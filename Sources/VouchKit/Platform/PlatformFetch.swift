import Synchronization

/// What a backfill fetched: every request it completed, and the fault that stopped it early (a
/// long rate limit, an unreachable server), if one did. The requests fetched are recorded either way.
public struct PlatformFetch: Sendable {
    public var requests: [MergedRequest]
    public var stopped: PlatformError?

    /// `fetch` of each item, `limit` at a time; after the first failure no new item starts.
    static func each<Item: Sendable>(_ items: [Item], limit: Int, _ fetch: @escaping @Sendable (Item) throws -> MergedRequest) -> PlatformFetch {
        let stop = Atomic<Bool>(false)
        let results = PlatformClient.concurrently(items.count, limit: limit) { index -> Result<MergedRequest, PlatformError>? in
            guard !stop.load(ordering: .relaxed) else { return nil }
            do {
                return .success(try fetch(items[index]))
            } catch {
                stop.store(true, ordering: .relaxed)
                return .failure(error as? PlatformError ?? .unavailable(url: "", detail: "\(error)"))
            }
        }
        var fetch = PlatformFetch(requests: [], stopped: nil)
        for result in results {
            switch result {
            case .success(let request): fetch.requests.append(request)
            case .failure(let error): if fetch.stopped == nil { fetch.stopped = error }
            case nil: continue
            }
        }
        return fetch
    }

    /// Adds the merged requests the platform associates with `commits` (first-parent changes no
    /// fetched request claims) that `accepts` takes (merged into the branch) and that were not
    /// fetched yet, each fetched as the others were. A fault while looking them up stops the run
    /// there, keeping what was fetched.
    mutating func addRequests<Item: Sendable>(landing commits: [String], limit: Int, associated: (String) throws -> [Item], number: (Item) -> Int,
                                              accepts: (Item) -> Bool, fetch: @escaping @Sendable (Item) throws -> MergedRequest) {
        var known = Set(requests.map(\.number))
        var more: [Item] = []
        for sha in commits {
            do {
                for item in try associated(sha) where accepts(item) && known.insert(number(item)).inserted { more.append(item) }
            } catch {
                stopped = error as? PlatformError ?? .unavailable(url: "", detail: "\(error)")
                return
            }
        }
        let extra = PlatformFetch.each(more, limit: limit, fetch)
        requests += extra.requests
        stopped = extra.stopped
    }
}

/// The `owner/name` (GitLab: `group/…/project`) of a remote URL: `https://host/owner/name.git`,
/// `git@host:owner/name.git`, `ssh://git@host/owner/name`; credentials are never kept.
public enum RemotePath {
    public static func of(_ remote: String) -> String? {
        var rest = Substring(Redaction.url(remote, environment: [:]))
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            rest = rest[rest.index(after: slash)...]
        } else if let colon = rest.firstIndex(of: ":") {
            rest = rest[rest.index(after: colon)...]
        } else {
            return nil
        }
        var path = String(rest).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if path.hasSuffix(".git") { path.removeLast(4) }
        return path.split(separator: "/").count >= 2 ? path : nil
    }
}

import Foundation
