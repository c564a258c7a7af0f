#include "markup_arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/// One block of arena memory; blocks are kept for the thread's lifetime and reused.
typedef struct chunk {
    struct chunk *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
} chunk;

/// Each allocation is preceded by its size (16 bytes, to keep 16-byte alignment).
typedef struct {
    size_t size;
    size_t unused;
} header;

enum { first_chunk = 4u << 20, arena_cap = 64u << 20 };

static _Thread_local chunk *chunks;   // every chunk of this thread, in order
static _Thread_local chunk *current;  // the chunk being filled
static _Thread_local size_t reserved; // total size of the chunks
static _Thread_local int depth;       // nested sessions

/// The chunks go back to the system when their thread exits (Dispatch retires idle worker threads). Nothing
/// points into them by then: a session leaves no libxml2 state behind (MarkupArena resets the last error).
static pthread_key_t chunks_key;
static pthread_once_t chunks_key_once = PTHREAD_ONCE_INIT;

static void free_chunks(void *head) {
    chunk *c = (chunk *)head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
}

static void make_chunks_key(void) { pthread_key_create(&chunks_key, free_chunks); }

int omniaudit_arena_begin(void) {
    if (depth++ > 0) return 0;
    for (chunk *c = chunks; c; c = c->next) c->used = 0;
    current = chunks;
    return 1;
}

void omniaudit_arena_end(void) {
    if (depth > 0) depth--;
}

int omniaudit_arena_owns(const void *pointer) {
    const unsigned char *p = (const unsigned char *)pointer;
    for (chunk *c = chunks; c; c = c->next) {
        if (p >= c->data && p < c->data + c->size) return 1;
    }
    return 0;
}

static void *arena_take(size_t size) {
    size_t need = ((size + 15) & ~(size_t)15) + sizeof(header);
    while (current && current->used + need > current->size) current = current->next;
    if (!current) {
        size_t size_of_new = first_chunk;
        if (chunks) {
            chunk *last = chunks;
            while (last->next) last = last->next;
            size_of_new = last->size * 2;
        }
        while (size_of_new < need) size_of_new *= 2;
        if (reserved + size_of_new > arena_cap) return NULL;
        chunk *fresh = (chunk *)malloc(sizeof(chunk) + size_of_new);
        if (!fresh) return NULL;
        fresh->next = NULL;
        fresh->size = size_of_new;
        fresh->used = 0;
        reserved += size_of_new;
        if (!chunks) {
            chunks = fresh;
            pthread_once(&chunks_key_once, make_chunks_key);
            pthread_setspecific(chunks_key, fresh);
        } else {
            chunk *last = chunks;
            while (last->next) last = last->next;
            last->next = fresh;
        }
        current = fresh;
    }
    header *h = (header *)(current->data + current->used);
    h->size = need - sizeof(header);
    current->used += need;
    return h + 1;
}

void *omniaudit_arena_malloc(size_t size) {
    if (depth > 0) {
        void *p = arena_take(size);
        if (p) return p;
    }
    return malloc(size);
}

void omniaudit_arena_free(void *pointer) {
    if (!pointer) return;
    if (!omniaudit_arena_owns(pointer)) {
        free(pointer);
        return;
    }
    // The most recent allocation of the current chunk is given back (read-then-free patterns).
    header *h = (header *)pointer - 1;
    if (current && (unsigned char *)pointer + h->size == current->data + current->used
        && (unsigned char *)h >= current->data) {
        current->used -= h->size + sizeof(header);
    }
}

void *omniaudit_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return omniaudit_arena_malloc(size);
    if (!omniaudit_arena_owns(pointer)) return realloc(pointer, size);
    header *h = (header *)pointer - 1;
    if (size <= h->size) return pointer;
    size_t grown = (size + 15) & ~(size_t)15;
    // The last block of the current chunk grows in place when there is room.
    if (depth > 0 && current && (unsigned char *)pointer + h->size == current->data + current->used
        && (unsigned char *)h >= current->data && current->used - h->size + grown <= current->size) {
        current->used += grown - h->size;
        h->size = grown;
        return pointer;
    }
    void *moved = omniaudit_arena_malloc(size);
    if (!moved) return NULL;
    memcpy(moved, pointer, h->size);
    return moved;
}

char *omniaudit_arena_strdup(const char *text) {
    if (!text) return NULL;
    size_t length = strlen(text) + 1;
    char *copy = (char *)omniaudit_arena_malloc(length);
    if (copy) memcpy(copy, text, length);
    return copy;
}
