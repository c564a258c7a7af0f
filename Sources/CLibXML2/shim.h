#ifndef OMNIAUDIT_CLIBXML2_SHIM_H
#define OMNIAUDIT_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// libxml2's ICU types clash with Foundation's; omniaudit never uses libxml2's ICU support.
#undef LIBXML_ICU_ENABLED

#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
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

/// The elements whose text libxml2 delivered as CDATA blocks (the bodies of `script` and `style`), in document
/// order: the parse records them so their bodies can be found without walking the tree. Free with
/// `omniaudit_raw_text_elements_free`.
typedef struct {
    xmlNodePtr *elements;
    int count;
    int capacity;
} omniaudit_raw_text_elements;

static inline void omniaudit_raw_text_elements_free(omniaudit_raw_text_elements *list) {
    free(list->elements);
    list->elements = NULL;
    list->count = list->capacity = 0;
}

/// What a parse records for `RawTextBodies`: the elements given CDATA text (script and style bodies) and the
/// attributes whose value begins, after newlines, with `marker` (placeholders of attribute values).
typedef struct {
    omniaudit_raw_text_elements bodies;
    omniaudit_raw_text_elements attributes;
    const char *marker;
} omniaudit_raw_text_record;

static inline void omniaudit_raw_text_append(omniaudit_raw_text_elements *list, xmlNodePtr node) {
    if (list->count == list->capacity) {
        int capacity = list->capacity ? list->capacity * 2 : 32;
        xmlNodePtr *grown = (xmlNodePtr *)realloc(list->elements, sizeof(xmlNodePtr) * (size_t)capacity);
        if (grown == NULL) return;
        list->elements = grown;
        list->capacity = capacity;
    }
    list->elements[list->count++] = node;
}

static inline int omniaudit_is_placeholder(const xmlChar *value, const char *marker) {
    if (value == NULL) return 0;
    while (*value == '\n') value++;
    return *value == '@' && strncmp((const char *)value, marker, strlen(marker)) == 0;
}

/// libxml2's own start-element handler, then the new element's attributes that hold a placeholder are recorded.
static void omniaudit_start_element(void *context, const xmlChar *name, const xmlChar **atts) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)context;
    xmlSAX2StartElement(context, name, atts);
    omniaudit_raw_text_record *record = (omniaudit_raw_text_record *)ctxt->_private;
    if (record == NULL || atts == NULL || ctxt->node == NULL) return;
    int found = 0;
    for (int i = 0; atts[i] != NULL; i += 2) {
        if (omniaudit_is_placeholder(atts[i + 1], record->marker)) { found = 1; break; }
    }
    if (!found) return;
    for (xmlAttrPtr attribute = ctxt->node->properties; attribute != NULL; attribute = attribute->next) {
        if (attribute->children != NULL && omniaudit_is_placeholder(attribute->children->content, record->marker))
            omniaudit_raw_text_append(&record->attributes, (xmlNodePtr)attribute);
    }
}

/// libxml2's own CDATA handler, then the element it added the text to is recorded (once).
static void omniaudit_cdata_block(void *context, const xmlChar *value, int length) {
    xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr)context;
    xmlSAX2CDataBlock(context, value, length);
    omniaudit_raw_text_record *record = (omniaudit_raw_text_record *)ctxt->_private;
    omniaudit_raw_text_elements *list = record ? &record->bodies : NULL;
    xmlNodePtr parent = ctxt->node;
    if (list == NULL || parent == NULL) return;
    if (list->count > 0 && list->elements[list->count - 1] == parent) return;
    omniaudit_raw_text_append(list, parent);
}

/// `htmlReadMemory`, step for step (libxml2 2.9.14's `htmlReadMemory` + `htmlDoRead`), that also says how the
/// bytes were decoded: `*utf8` is 1 when the input ended as UTF-8 read as is (no decoder, or the UTF-8 one), so
/// every byte sequence that was valid UTF-8 reached the tree unchanged; 0 when a decoder (a declared legacy
/// charset, UTF-16, or the ISO-8859-1 fallback libxml2 takes after invalid UTF-8) converted some of it.
/// With `rawText`, the elements that received CDATA blocks and the attributes holding placeholders are recorded
/// there (the tree is the same).
static inline htmlDocPtr omniaudit_html_read_memory(const char *buffer, int size, const char *url, const char *encoding,
                                                    int options, int *utf8, omniaudit_raw_text_record *rawText) {
    *utf8 = 0;
    xmlInitParser();
    htmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return NULL;
    htmlDefaultSAXHandlerInit();
    if (ctxt->sax != NULL) memcpy(ctxt->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
    if (rawText != NULL && ctxt->sax != NULL && ctxt->sax->cdataBlock == xmlSAX2CDataBlock
        && ctxt->sax->startElement == xmlSAX2StartElement) {
        ctxt->_private = rawText;
        ctxt->sax->cdataBlock = omniaudit_cdata_block;
        ctxt->sax->startElement = omniaudit_start_element;
    }
    htmlCtxtUseOptions(ctxt, options);
    ctxt->html = 1;
    if (encoding != NULL) {
        xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
        if (handler != NULL) {
            xmlSwitchToEncoding(ctxt, handler);
            if (ctxt->input->encoding != NULL) xmlFree((xmlChar *)ctxt->input->encoding);
            ctxt->input->encoding = xmlStrdup((const xmlChar *)encoding);
        }
    }
    if (url != NULL && ctxt->input != NULL && ctxt->input->filename == NULL)
        ctxt->input->filename = (char *)xmlStrdup((const xmlChar *)url);
    htmlParseDocument(ctxt);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (ctxt->input != NULL && ctxt->input->buf != NULL && ctxt->charset == XML_CHAR_ENCODING_UTF8) {
        xmlCharEncodingHandlerPtr decoder = ctxt->input->buf->encoder;
        *utf8 = decoder == NULL || (decoder->name != NULL && (strcmp(decoder->name, "UTF-8") == 0));
    }
    if (ctxt->dictNames && doc != NULL && doc->dict == ctxt->dict) ctxt->dict = NULL;
    xmlFreeParserCtxt(ctxt);
    return doc;
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
