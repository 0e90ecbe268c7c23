#if canImport(CMimalloc)
// Imported for its side effect: linked in, mimalloc's malloc and free take the place of glibc's
// for the whole process, libgit2 and zlib included. Reading history, they allocate and free a
// few buffers for every object, on two threads at once; with glibc's allocator `vouch evidence`
// took about 7% longer (bench/RESULTS.md, fifth round).
import CMimalloc
#endif
