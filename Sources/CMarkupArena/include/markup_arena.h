#ifndef OMNIAUDIT_MARKUP_ARENA_H
#define OMNIAUDIT_MARKUP_ARENA_H

#include <stddef.h>

/// A per-thread bump allocator for libxml2 while one page is parsed and read (see MarkupArena.swift).
/// Outside a session every call goes to the C library's malloc/free; inside, libxml2's allocations come from
/// the calling thread's arena, frees of arena memory do nothing, and the whole arena is reused by the next
/// session. Arena memory is kept while its thread lives (so a stale pointer into it is never passed to free())
/// and given back when the thread exits. At most 64 MB per thread; beyond that libxml2 uses malloc as usual.

/// Starts a session on the calling thread (nested calls are counted); returns 1 when this call started it.
int omniaudit_arena_begin(void);
/// Ends the session the matching begin started; the arena's memory is reused by the next session.
void omniaudit_arena_end(void);
/// True when the pointer lies in the calling thread's arena.
int omniaudit_arena_owns(const void *pointer);

/// The allocator functions handed to xmlMemSetup.
void omniaudit_arena_free(void *pointer);
void *omniaudit_arena_malloc(size_t size);
void *omniaudit_arena_realloc(void *pointer, size_t size);
char *omniaudit_arena_strdup(const char *text);

#endif
