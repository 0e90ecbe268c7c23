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

    /// The requests of a paged list, each fetched (`fetch`) as soon as the page that lists it has
    /// arrived, while the next page is read: `limit` requests at a time in all, the pages' among
    /// them. `page` reads one page: the items on it to fetch, and the next page (nil: the list
    /// ends there). A page that cannot be read stops the run with its error, as a list read
    /// before the fetches would; after a failed fetch no new item starts.
    static func listed<Item: Sendable>(from first: String, limit: Int, page: @escaping @Sendable (String) throws -> (items: [Item], next: String?),
                                       fetch: @escaping @Sendable (Item) throws -> MergedRequest) throws -> PlatformFetch {
        let state = SignalledState(ListedFetch<Item>(next: first))
        let threads = max(1, limit)
        _ = WorkerThread.map(threads, threads: threads) { _ in
            while true {
                switch state.wait(for: { $0.claim() }) {
                case .page(let path):
                    do {
                        let read = try page(path)
                        state.update { $0.listed(read.items, next: read.next) }
                    } catch {
                        state.update { $0.failed(listing: error) }
                    }
                case .item(let index, let item):
                    let result: Result<MergedRequest, PlatformError>
                    do {
                        result = .success(try fetch(item))
                    } catch {
                        result = .failure(error as? PlatformError ?? .unavailable(url: "", detail: "\(error)"))
                    }
                    state.update { $0.fetched(index, result) }
                case .done:
                    return
                }
            }
        }
        let finished = state.update { $0 }
        if let error = finished.listingError { throw error }
        var fetch = PlatformFetch(requests: [], stopped: nil)
        for index in finished.items.indices {
            switch finished.results[index] {
            case .success(let request): fetch.requests.append(request)
            case .failure(let error): if fetch.stopped == nil { fetch.stopped = error }
            case nil: continue
            }
        }
        return fetch
    }

    /// Of one page of a list sorted by last update, newest first: the items merged within
    /// `period` (any merged item without one), and whether the list goes on into the period
    /// (an item on the page was last updated at or after its start).
    static func inPeriod<Item>(_ page: [Item], _ period: ClosedRange<Int64>?, updatedAt: (Item) -> String?, mergedAt: (Item) -> String?) -> (merged: [Item], goesOn: Bool) {
        let merged = page.filter { item in
            guard let merged = mergedAt(item).flatMap(Timestamp.init(iso8601:)) else { return false }
            return period?.contains(merged.seconds) ?? true
        }
        guard let period else { return (merged, true) }
        return (merged, page.contains { (updatedAt($0).flatMap(Timestamp.init(iso8601:))?.seconds ?? .max) >= period.lowerBound })
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

/// What the threads of `PlatformFetch.listed` share: the items listed so far, the next page,
/// and what each fetch gave.
private struct ListedFetch<Item: Sendable>: Sendable {
    enum Task: Sendable {
        case page(String)
        case item(Int, Item)
        case done
    }

    var items: [Item] = []
    var results: [Int: Result<MergedRequest, PlatformError>] = [:]
    /// The page to read next; nil once the list has ended.
    var next: String?
    var readingPage = false
    var listingError: (any Error)?
    private var claimed = 0
    private var stop = false

    init(next: String) { self.next = next }

    /// The next thing to do: the next page first (so that items keep coming), else the next item
    /// listed; nil to wait (a page is being read); done once nothing is left or the run stopped.
    mutating func claim() -> Task? {
        if stop || listingError != nil { return .done }
        if let page = next, !readingPage {
            readingPage = true
            return .page(page)
        }
        if claimed < items.count {
            claimed += 1
            return .item(claimed - 1, items[claimed - 1])
        }
        return readingPage ? nil : .done
    }

    mutating func listed(_ page: [Item], next: String?) {
        items += page
        self.next = next
        readingPage = false
    }

    mutating func failed(listing error: any Error) {
        listingError = error
        readingPage = false
    }

    mutating func fetched(_ index: Int, _ result: Result<MergedRequest, PlatformError>) {
        results[index] = result
        if case .failure = result { stop = true }
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
