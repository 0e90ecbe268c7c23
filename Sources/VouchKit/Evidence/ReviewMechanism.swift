/// How a change reached the branch, as far as git can tell.
public enum ReviewMechanism: String, Sendable, Hashable, CaseIterable {
    /// `Merge pull request #N from owner/branch`.
    case githubMerge = "github-merge"
    /// `Title (#N)`, GitHub's squash (and rebase-and-merge of one commit) message.
    case githubSquash = "github-squash"
    /// `See merge request group/project!N` in the message.
    case gitlab
    /// `Reviewed-on:` (and `Change-Id:`) trailers, or a Gerrit review note.
    case gerrit
    /// `Differential Revision:` in the message.
    case phabricator
    /// `Merged in branch (pull request #N)`.
    case bitbucket
    /// `Merged PR N: title`.
    case azureDevOps = "azure-devops"
    /// Review trailers only (`Reviewed-by:`, `Acked-by:`, …), as in kernel-style workflows.
    case trailers
    /// Approvals recorded afterwards in git notes only.
    case notes
    /// A merge commit with no review platform's marks (e.g. `Merge branch 'topic'`).
    case merge
    /// Nothing shows a review: a direct push, or a rebase-merge that kept the original commits.
    case direct

    /// Whether the mechanism is a review platform, whose reference proves a review took place
    /// outside git even when git holds no approval.
    public var isReviewPlatform: Bool {
        switch self {
        case .githubMerge, .githubSquash, .gitlab, .gerrit, .phabricator, .bitbucket, .azureDevOps: true
        case .trailers, .notes, .merge, .direct: false
        }
    }
}

/// What the message of a change says about its review.
public struct MessageEvidence: Sendable, Hashable {
    public var platform: ReviewMechanism?
    /// The platform's reference: `#12`, `group/project!34`, a review URL, `PR 56`.
    public var reviewReference: String?
    /// Approvals written in the message (trailers and platform fields), before mailmap.
    public var approvals: [Approval]
    /// Reviewers named by `Co-authored-by:` trailers.
    public var coAuthors: [Identity]
    /// The `Emergency:` trailer's value (the reason), when the change is marked as one.
    public var emergency: String?

    /// Reads the evidence from a message; `parentCount` distinguishes merges from squashes.
    public init(_ message: CommitMessage, parentCount: Int) {
        // One pass over the body finds the lines of both the platforms and the approvals.
        let marked = message.lines(startingWith: Self.markedLines)
        (platform, reviewReference) = Self.platform(message, parentCount: parentCount, marked: marked)
        coAuthors = message.trailerValues("Co-authored-by").map(Identity.init(lenient:))
        emergency = message.firstTrailerValue("Emergency").map { $0.isEmpty ? "yes" : $0 }
        approvals = Self.approvals(message, marked: marked)
    }

    /// Body lines that mark a platform (GitLab's merge request, Phabricator's revision), then
    /// the approval lines outside the trailer block: each kind's trailer key, then
    /// Phabricator's field.
    private static let platformLines = ["See merge request ", "Differential Revision:"]
    private static let approvalLines = ApprovalKind.allCases.map { $0.trailerKey + ":" } + ["Reviewed By:"]
    private static let markedLines = CommitMessage.LinePrefixes(platformLines + approvalLines)

    private static func platform(_ message: CommitMessage, parentCount: Int, marked: [(prefix: Int, rest: String)]) -> (ReviewMechanism?, String?) {
        let subject = message.subject
        if parentCount > 1, let number = number(in: subject, after: "Merge pull request #") {
            return (.githubMerge, "#\(number)")
        }
        if let number = number(in: subject, after: "Merged in ", marker: "(pull request #") {
            return (.bitbucket, "pull request #\(number)")
        }
        if let number = number(in: subject, after: "Merged PR ") {
            return (.azureDevOps, "PR \(number)")
        }
        if let reference = marked.first(where: { $0.prefix == 0 }) {
            return (.gitlab, reference.rest)
        }
        if let revision = marked.first(where: { $0.prefix == 1 }) {
            return (.phabricator, revision.rest)
        }
        if let reviewed = message.firstTrailerValue("Reviewed-on") {
            return (.gerrit, reviewed)
        }
        if let change = message.firstTrailerValue("Change-Id") {
            return (.gerrit, change)
        }
        if parentCount == 1, let number = squashNumber(subject) {
            return (.githubSquash, "#\(number)")
        }
        return (nil, nil)
    }

    /// The digits after `prefix` (at the start of `text`), or after `marker` further on.
    private static func number(in text: String, after prefix: String, marker: String? = nil) -> String? {
        guard text.hasPrefix(prefix) else { return nil }
        // The prefix is ASCII: as many bytes as characters.
        var rest = Substring(text.utf8.dropFirst(prefix.utf8.count))
        if let marker {
            guard let range = rest.range(of: marker) else { return nil }
            rest = rest[range.upperBound...]
        }
        let digits = Text.leadingDigits(rest)
        return digits.isEmpty ? nil : String(digits)
    }

    /// `Title (#123)`: the number of GitHub's squash-merge subject. Read from the end, by bytes:
    /// the digits between the last `(#` and the closing `)`.
    private static func squashNumber(_ subject: String) -> String? {
        let bytes = subject.utf8
        guard bytes.last == UInt8(ascii: ")") else { return nil }
        let close = bytes.index(before: bytes.endIndex)
        var digitsStart = close
        while digitsStart > bytes.startIndex, Text.isDigit(bytes[bytes.index(before: digitsStart)]) { digitsStart = bytes.index(before: digitsStart) }
        let opening = bytes[..<digitsStart].suffix(2)
        guard digitsStart < close, opening.elementsEqual("(#".utf8) else { return nil }
        return String(Substring(bytes[digitsStart..<close]))
    }

    private static func approvals(_ message: CommitMessage, marked: [(prefix: Int, rest: String)]) -> [Approval] {
        var approvals: [Approval] = []
        var inTrailers: [(kind: ApprovalKind, value: String)] = []
        for trailer in message.trailers {
            guard let kind = ApprovalKind(trailerKey: trailer.key) else { continue }
            approvals.append(Approval(identity: Identity(lenient: trailer.value), kind: kind, source: .trailer))
            inTrailers.append((kind, trailer.value))
        }
        // Templates (GitLab's %{approved_by}, Bitbucket's) may put approval lines in a paragraph
        // git does not take for trailers; they still record an approval, in the message.
        // Phabricator writes "Reviewed By: alice, bob" (user names of those who accepted).
        let kinds = ApprovalKind.allCases
        for (marker, value) in marked where marker >= platformLines.count {
            let prefix = marker - platformLines.count
            if prefix < kinds.count {
                let kind = kinds[prefix]
                guard !inTrailers.contains(where: { $0.kind == kind && $0.value == value }) else { continue }
                approvals.append(Approval(identity: Identity(lenient: value), kind: kind, source: .message))
            } else {
                for name in value.split(separator: ",") where !Text.trimmed(name).isEmpty {
                    approvals.append(Approval(identity: Identity(lenient: String(name)), kind: .reviewed, source: .message))
                }
            }
        }
        return approvals
    }
}

/// Approvals written in a note: `vouch approve`'s trailers, or Gerrit's review labels.
public enum NoteApprovals {
    public static let vouchReference = "refs/notes/vouch"
    public static let gerritReference = "refs/notes/review"

    /// Every approval line of a note's text. Gerrit's `Code-Review+2` is an approval and `+1` a
    /// review; `Verified+1` is a test; negative votes are not approvals at all.
    public static func parse(_ text: String, reference: String) -> [Approval] {
        parse(plainText: PlatformNote.plainText(text), reference: reference)
    }

    /// The approval lines of a note's text whose platform paragraphs are already left out.
    static func parse(plainText: String, reference: String) -> [Approval] {
        var approvals: [Approval] = []
        let lines = lines(of: plainText)
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = Text.trimmed(line[..<colon])
            // The signature of the approval just above, with its armor on continuation lines.
            if Text.equalIgnoringCase(key, ApprovalStatement.signatureKey), reference == vouchReference,
               let last = approvals.indices.last, approvals[last].signatureArmor == nil {
                var armor = [Text.trimmed(line[line.index(after: colon)...])]
                while index < lines.count, let first = lines[index].first, first == " " || first == "\t" {
                    armor.append(String(lines[index].dropFirst()))
                    index += 1
                }
                approvals[last].signatureArmor = armor.joined(separator: "\n") + "\n"
                continue
            }
            let kind: ApprovalKind?
            if let vote = key.split(separator: "+", maxSplits: 1).last, key.contains("+"), let score = Int(vote), score > 0 {
                switch key.split(separator: "+").first?.lowercased() {
                case "code-review": kind = score >= 2 ? .approved : .reviewed
                case "verified": kind = .tested
                default: kind = nil
                }
            } else {
                kind = ApprovalKind(trailerKey: key)
            }
            // Most lines of a long note are not approvals (acknowledgements, reviews): build the
            // value only for those that are.
            guard let kind else { continue }
            let value = String(line[line.index(after: colon)...])
            approvals.append(Approval(identity: Identity(lenient: value), kind: kind, source: .note, reference: reference))
        }
        return approvals
    }

    /// The non-empty lines of `text`, split at every kind of line break. In ASCII text with no
    /// breaks but line feeds (notes nearly always are), split by bytes: a line feed is always a
    /// character of its own.
    private static func lines(of text: String) -> [Substring] {
        let utf8 = text.utf8
        guard utf8.allSatisfy({ $0 < 0x80 && ($0 < 0x0B || $0 > 0x0D) }) else { return text.split(whereSeparator: \.isNewline) }
        return utf8.split(separator: 0x0A).map { Substring($0) }
    }
}
