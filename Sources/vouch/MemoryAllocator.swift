#if canImport(CMimalloc)
// Linked for its side effect: mimalloc's malloc and free take the place of glibc's for the whole
// process, libgit2 and zlib included. Reading history, they allocate and free a few buffers for
// every object, on several threads at once, where glibc's allocator took ~4% of the time.
import CMimalloc
#endif
