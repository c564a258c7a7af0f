#ifndef OMNIAUDIT_CLIBXML2_SHIM_H
#define OMNIAUDIT_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// libxml2's ICU types clash with Foundation's; omniaudit never uses libxml2's ICU support.
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlreader.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void omniaudit_xmlFree(void *pointer) { xmlFree(pointer); }

static void omniaudit_silent_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void omniaudit_silent_structured(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }

/// Silences libxml2's generic and structured error handlers for the calling thread.
static inline void omniaudit_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, omniaudit_silent_generic);
    xmlSetStructuredErrorFunc(NULL, omniaudit_silent_structured);
}

/// ASCII case-insensitive substring test (strcasestr is a GNU extension): used to scan attribute values in place.
static inline int omniaudit_contains_ci(const char *haystack, const char *needle) {
    if (!haystack || !needle || !*needle) return 0;
    for (; *haystack; haystack++) {
        const char *h = haystack, *n = needle;
        while (*h && *n) {
            char a = *h, b = *n;
            if (a >= 'A' && a <= 'Z') a = (char)(a + 32);
            if (a != b) break;
            h++; n++;
        }
        if (!*n) return 1;
    }
    return 0;
}

#endif
