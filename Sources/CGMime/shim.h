#ifndef OMNIAUDIT_CGMIME_SHIM_H
#define OMNIAUDIT_CGMIME_SHIM_H

#include <gmime/gmime.h>

// GObject type checks and casts are macros, which Swift cannot call: one typed inline function each.

/// True when the object is a multipart (alternative, related, mixed …).
static inline int omniaudit_gmime_is_multipart(GMimeObject *object) { return GMIME_IS_MULTIPART(object); }
/// True when the object is a leaf part with content.
static inline int omniaudit_gmime_is_part(GMimeObject *object) { return GMIME_IS_PART(object); }
/// True when the object is an attached message (message/rfc822).
static inline int omniaudit_gmime_is_message_part(GMimeObject *object) { return GMIME_IS_MESSAGE_PART(object); }
/// The object as a multipart (only after `omniaudit_gmime_is_multipart`).
static inline GMimeMultipart *omniaudit_gmime_multipart(GMimeObject *object) { return GMIME_MULTIPART(object); }
/// The object as a leaf part (only after `omniaudit_gmime_is_part`).
static inline GMimePart *omniaudit_gmime_part(GMimeObject *object) { return GMIME_PART(object); }
/// The object as an attached message (only after `omniaudit_gmime_is_message_part`).
static inline GMimeMessagePart *omniaudit_gmime_message_part(GMimeObject *object) { return GMIME_MESSAGE_PART(object); }
/// A message as a generic object, for header look-ups.
static inline GMimeObject *omniaudit_gmime_message_object(GMimeMessage *message) { return GMIME_OBJECT(message); }
/// A memory stream as a generic stream.
static inline GMimeStream *omniaudit_gmime_mem_stream(GMimeStreamMem *stream) { return GMIME_STREAM(stream); }
/// A generic stream as a memory stream (only for streams made by `g_mime_stream_mem_new`).
static inline GMimeStreamMem *omniaudit_gmime_as_mem(GMimeStream *stream) { return GMIME_STREAM_MEM(stream); }
/// Releases a GObject (`g_object_unref` takes `gpointer`).
static inline void omniaudit_gmime_unref(void *object) { if (object) g_object_unref(object); }

#endif
