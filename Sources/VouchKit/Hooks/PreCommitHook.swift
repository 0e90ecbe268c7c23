import Foundation

/// The git pre-commit hook that runs `vouch lint --staged`: what it says, and installing and
/// removing it without ever destroying a hook someone else wrote.
public enum PreCommitHook {
    /// The line that marks a hook as Vouch's own; only hooks carrying it are replaced or removed.
    public static let marker = "# vouch-hook: pre-commit"
    /// An existing hook kept by `install --force`; Vouch's hook runs it first.
    public static let previousName = "pre-commit.vouch-previous"
    public static let hookName = "pre-commit"

    /// The hook script. It runs a kept hook first, then Vouch: the recorded binary if it is still
    /// there, else `vouch` from `PATH`. Git runs hooks at the work tree root, so `programPath`
    /// (relative to it) finds the program in every worktree sharing the hook.
    public static func script(vouchPath: String, programPath: String) -> String {
        let root = programPath.isEmpty ? "." : programPath
        return """
            #!/bin/sh
            \(marker)
            # Written by 'vouch hook install'; 'vouch hook uninstall' removes it (and restores any
            # hook it replaced). Checks the program as it will be committed: 'vouch lint --staged'.
            case $0 in */*) hooks=${0%/*} ;; *) hooks=. ;; esac
            if [ -x "$hooks/\(previousName)" ]; then
              "$hooks/\(previousName)" "$@" || exit $?
            fi
            vouch=\(shellQuoted(vouchPath))
            if [ ! -x "$vouch" ]; then
              vouch=$(command -v vouch) || {
                echo "vouch: cannot run the pre-commit check: \(vouchPath) is gone and no 'vouch' is on PATH; reinstall Vouch, or run 'vouch hook uninstall'" >&2
                exit 1
              }
            fi
            "$vouch" lint --staged --root \(shellQuoted(root))
            status=$?
            if [ "$status" -ne 0 ]; then
              echo "vouch: commit refused. Emergency bypass: 'git commit --no-verify' (the commit still shows in 'vouch check' and the change evidence)." >&2
            fi
            exit "$status"

            """
    }

    /// Whether the file at `url` is a hook Vouch wrote.
    public static func isVouchHook(at url: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path) else { return false }
        return String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n").contains { $0 == marker }
    }

    public enum InstallOutcome: Sendable, Equatable {
        /// A new hook; there was none.
        case installed
        /// Vouch's own hook, rewritten (e.g. with the current binary's path).
        case updated
        /// The hook that was there now runs first, from `previousName`.
        case installedKeepingPrevious
    }

    /// Writes the hook into `hooksDirectory`. Without `force`, refuses to touch a hook Vouch did
    /// not write; with it, keeps that hook as `previousName` and runs it first.
    public static func install(in hooksDirectory: URL, vouchPath: String, programPath: String, force: Bool) throws -> InstallOutcome {
        let hook = hooksDirectory.appendingPathComponent(hookName)
        let previous = hooksDirectory.appendingPathComponent(previousName)
        let contents = script(vouchPath: vouchPath, programPath: programPath)
        do {
            try FileManager.default.createDirectory(at: hooksDirectory, withIntermediateDirectories: true)
            guard exists(hook) else {
                try write(contents, to: hook)
                return .installed
            }
            if isVouchHook(at: hook) {
                try write(contents, to: hook)
                return .updated
            }
            guard force else { throw HookError.foreignHook(hook.path) }
            guard !exists(previous) else { throw HookError.previousExists(hook: hook.path, previous: previous.path) }
            try FileManager.default.moveItem(at: hook, to: previous)
            try write(contents, to: hook)
            return .installedKeepingPrevious
        } catch let error as HookError {
            throw error
        } catch {
            throw HookError.fileSystem(error.localizedDescription)
        }
    }

    public enum UninstallOutcome: Sendable, Equatable {
        case removed
        /// Vouch's hook removed and the hook it had kept put back.
        case removedRestoringPrevious
        /// Nothing of Vouch's was there.
        case notInstalled
        /// A hook Vouch did not write is there; it was left alone.
        case foreignHookLeft
    }

    /// Removes Vouch's hook, and only it, putting back the hook `install --force` kept.
    public static func uninstall(from hooksDirectory: URL) throws -> UninstallOutcome {
        let hook = hooksDirectory.appendingPathComponent(hookName)
        let previous = hooksDirectory.appendingPathComponent(previousName)
        do {
            if exists(hook) {
                guard isVouchHook(at: hook) else { return .foreignHookLeft }
                try FileManager.default.removeItem(at: hook)
            } else if !exists(previous) {
                return .notInstalled
            }
            guard exists(previous) else { return .removed }
            try FileManager.default.moveItem(at: previous, to: hook)
            return .removedRestoringPrevious
        } catch {
            throw HookError.fileSystem(error.localizedDescription)
        }
    }

    /// Whether anything (a file, a dangling link) is at `url`.
    static func exists(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0
    }

    /// Writes beside the target and renames, so git never runs a half-written hook.
    static func write(_ contents: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).vouch-\(getpid())")
        try Data(contents.utf8).write(to: temporary)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: temporary.path)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw HookError.fileSystem("cannot write \(url.path): \(reason)")
        }
    }

    /// A POSIX shell word that stands for exactly `text`.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

public enum HookError: VouchError, Sendable, CustomStringConvertible {
    case foreignHook(String)
    case previousExists(hook: String, previous: String)
    case fileSystem(String)

    public var description: String {
        switch self {
        case .foreignHook(let path):
            "\(path) exists and was not written by Vouch, so it was left alone; rerun with --force to keep it (it is moved to \(PreCommitHook.previousName) and runs first, then Vouch)"
        case .previousExists(let hook, let previous):
            "\(hook) was not written by Vouch, and \(previous) (a hook kept earlier) exists too; merge or remove one of them, then rerun"
        case .fileSystem(let message):
            message
        }
    }
}
