#ifndef CROSSWALK_CLIBXML2_SHIM_H
#define CROSSWALK_CLIBXML2_SHIM_H

// Keep libxml2's headers from pulling in the system ICU (its types clash with the
// copy Foundation carries). libxml2 only needs these for its ICU-based encoding
// handlers, which Crosswalk never uses.
#ifndef UCNV_H
#define UCNV_H
typedef struct UConverter UConverter;
typedef unsigned short UChar;
#endif

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <libxml/entities.h>
#include <libxml/xmlversion.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void crosswalk_xmlFree(void *ptr) {
    xmlFree(ptr);
}

/// Refuses every external entity or DTD libxml2 would load. Installed once, process-wide.
static xmlParserInputPtr crosswalk_refusingEntityLoader(const char *URL, const char *ID, xmlParserCtxtPtr ctxt) {
    (void)URL; (void)ID; (void)ctxt;
    return NULL;
}

/// Swallows libxml2's generic (unstructured) error output. Every error that matters reaches
/// the reader through the structured `serror` handler or the parser's state; without this,
/// encoding errors would also be printed on standard error by libxml2 itself.
static void crosswalk_silentGenericError(void *ctx, const char *msg, ...) {
    (void)ctx; (void)msg;
}

static inline void crosswalk_installRefusingEntityLoader(void) {
    xmlSetExternalEntityLoader(crosswalk_refusingEntityLoader);
    // libxml2's error handlers are per thread: set the default for new threads and this one's.
    xmlThrDefSetGenericErrorFunc(NULL, crosswalk_silentGenericError);
    xmlSetGenericErrorFunc(NULL, crosswalk_silentGenericError);
}

/// Bytes libxml2 holds but has not parsed yet: an unfinished token (a start tag, a
/// comment, a processing instruction) waiting for its end.
static inline long crosswalk_pending(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL && ctxt->input->cur != NULL && ctxt->input->end != NULL)
        ? (long)(ctxt->input->end - ctxt->input->cur) : 0;
}

/// The first bytes of the unparsed input, to say what the unfinished token is.
static inline const unsigned char *crosswalk_pendingStart(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->cur : NULL;
}

/// Line and column of the parser's current input, or 0 when there is none.
static inline int crosswalk_line(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->line : 0;
}
static inline int crosswalk_column(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->col : 0;
}

#endif
