/*
 * The least reading `vouch evidence` must do over a whole repository, done by libgit2 alone on
 * one thread: every first-parent commit of BRANCH, the merged tips of its merges, and its root
 * tree (where the sensitive paths are looked for). Nothing is parsed beyond the ids needed to
 * go on; nothing is judged or written. bench/evidence.sh times it next to `git log`, so the
 * part of Vouch's time that is reading through libgit2 can be told from the rest.
 *
 *   cc -O2 bench/read-floor.c $(pkg-config --cflags --libs libgit2) -o read-floor
 *   read-floor [BRANCH]      (in the repository; BRANCH defaults to main)
 */
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void check(int error, const char *what) {
    if (error < 0) {
        const git_error *last = git_error_last();
        fprintf(stderr, "read-floor: %s: %s\n", what, last ? last->message : "unknown error");
        exit(2);
    }
}

/* Reads an object and drops it: the cost of getting it out of the pack. */
static void read_object(git_odb *odb, const git_oid *id) {
    git_odb_object *object;
    check(git_odb_read(&object, odb, id), "reading an object");
    git_odb_object_free(object);
}

int main(int argc, char **argv) {
    char reference[256];
    snprintf(reference, sizeof reference, "refs/heads/%s", argc > 1 ? argv[1] : "main");
    git_libgit2_init();
    /* The settings Vouch reads with. */
    git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    git_repository *repository;
    git_odb *odb;
    git_oid id;
    check(git_repository_open(&repository, "."), "opening the repository");
    check(git_repository_odb(&odb, repository), "opening the object database");
    check(git_reference_name_to_id(&id, repository, reference), reference);
    long commits = 0, tips = 0;
    for (;;) {
        git_odb_object *object;
        check(git_odb_read(&object, odb, &id), "reading a commit");
        commits++;
        /* "tree <40 hex>\n" then "parent <40 hex>\n" lines. */
        const char *line = git_odb_object_data(object);
        git_oid tree, first_parent;
        int parents = 0;
        check(git_oid_fromstrn(&tree, line + 5, GIT_OID_HEXSZ), "a commit's tree");
        for (line += 46; strncmp(line, "parent ", 7) == 0; line += 48, parents++) {
            git_oid parent;
            check(git_oid_fromstrn(&parent, line + 7, GIT_OID_HEXSZ), "a commit's parent");
            if (parents == 0) {
                git_oid_cpy(&first_parent, &parent);
            } else {
                read_object(odb, &parent);
                tips++;
            }
        }
        read_object(odb, &tree);
        git_odb_object_free(object);
        if (parents == 0) break;
        git_oid_cpy(&id, &first_parent);
    }
    printf("%ld commits, %ld merged tips, %ld root trees\n", commits, tips, commits);
    git_odb_free(odb);
    git_repository_free(repository);
    git_libgit2_shutdown();
    return 0;
}
