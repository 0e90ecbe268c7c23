/// The CI definition that records a platform's approvals when a request merges and pushes the
/// notes: a GitHub Actions workflow, or a GitLab CI job to include. `vouch init --ci` writes it;
/// docs/ci.md shows the same text.
public enum RecordingWorkflow {
    /// Where in the repository it goes.
    public static func path(for platform: ReviewPlatform) -> String {
        switch platform {
        case .github: ".github/workflows/vouch-record.yml"
        case .gitlab: ".gitlab/ci/vouch-record.yml"
        }
    }

    /// Pushes `refs/notes/vouch`; when someone else pushed notes first (non-fast-forward), merges
    /// theirs in and tries again. `union` joins the two notes of a commit with a blank line between
    /// them, so each paragraph (a platform's, `vouch approve`'s) stays whole; `cat_sort_uniq` would
    /// sort their lines together.
    public static let pushWithRetry = """
        for attempt in 1 2 3 4 5; do
          if git push origin refs/notes/vouch; then exit 0; fi
          git fetch origin "+refs/notes/vouch:refs/notes/vouch-remote"
          git notes --ref vouch merge -s union refs/notes/vouch-remote
          sleep $((attempt * 2))
        done
        echo "could not push refs/notes/vouch after 5 tries" >&2
        exit 1
        """

    public static func text(for platform: ReviewPlatform) -> String {
        switch platform {
        case .github: github
        case .gitlab: gitlab
        }
    }

    private static func indented(_ text: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    private static let github = """
        # .github/workflows/vouch-record.yml (written by `vouch init --ci github`)
        # When a pull request merges, records its reviews in git (refs/notes/vouch) on the change it landed.
        name: vouch record
        on:
          pull_request:
            types: [closed]
        permissions:
          contents: write        # push refs/notes/vouch
          pull-requests: read    # read the pull request's reviews and commits
        concurrency:
          group: vouch-record    # one recording at a time; the push below still retries
          cancel-in-progress: false
        jobs:
          record:
            if: github.event.pull_request.merged == true
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  ref: ${{ github.event.pull_request.base.ref }}   # the branch it merged into
                  fetch-depth: 0                                   # with its whole first-parent line
              - name: Install vouch
                # Built from wherever your organisation keeps Vouch (or copy a prebuilt binary instead).
                env:
                  VOUCH_REPOSITORY: https://git.example.com/tools/vouch.git
                run: |
                  sudo apt-get update && sudo apt-get install -y libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev
                  git clone --depth 1 "$VOUCH_REPOSITORY" "$RUNNER_TEMP/vouch"
                  swift build -c release --package-path "$RUNNER_TEMP/vouch" --product vouch
                  sudo install "$RUNNER_TEMP/vouch/.build/release/vouch" /usr/local/bin/vouch
              - name: Record the approvals
                env:
                  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
                run: |
                  git config user.name "github-actions[bot]"
                  git config user.email "41898282+github-actions[bot]@users.noreply.github.com"
                  git fetch origin "+refs/notes/vouch:refs/notes/vouch" || true   # none yet on the first run
                  vouch github record
              - name: Push the notes
                run: |
        \(indented(pushWithRetry, by: 10))

        """

    private static let gitlab = """
        # .gitlab/ci/vouch-record.yml (written by `vouch init --ci gitlab`); include it from .gitlab-ci.yml:
        #   include:
        #     - local: .gitlab/ci/vouch-record.yml
        # After a merge request merges (the pipeline of the default branch), records its approvals in git
        # (refs/notes/vouch) on the change it landed. GITLAB_TOKEN: a masked CI/CD variable holding a project
        # access token with read_api (the approvals) and write_repository (the push), role Developer.
        vouch-record:
          image: registry.example.com/tools/vouch:0.1.0   # any image with vouch (and git) installed
          rules:
            - if: $CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
          resource_group: vouch-record   # one recording at a time; the push below still retries
          variables:
            GIT_DEPTH: 0   # the whole first-parent line
          script:
            - git checkout -B "$CI_COMMIT_BRANCH" "$CI_COMMIT_SHA"
            - git config user.name "vouch"
            - git config user.email "vouch@$CI_SERVER_HOST"
            - git remote set-url origin "https://vouch:${GITLAB_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git"
            - git fetch origin "+refs/notes/vouch:refs/notes/vouch" || true   # none yet on the first run
            - vouch gitlab record   # nothing to do after a direct push
            - |
        \(indented(pushWithRetry, by: 6))

        """
}
