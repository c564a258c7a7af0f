#ifndef OMNIAUDIT_CZLIB_SHIM_H
#define OMNIAUDIT_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a macro; this wrapper makes it callable from Swift.
static inline int omniaudit_inflate_init(z_stream *stream, int window_bits) {
    return inflateInit2(stream, window_bits);
}

#endif
