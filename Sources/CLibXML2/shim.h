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

/// Swallows libxml2's generic (unstructured) error output. Every error that matters reaches
/// the reader through the structured `serror` handler or the parser's state; without this,
/// an error raised with no parser context (encoding conversion) would also be printed on
/// standard error by libxml2 itself.
static void crosswalk_silentGenericError(void *ctx, const char *msg, ...) {
    (void)ctx; (void)msg;
}

/// The calling thread's generic error handler, saved while one of our parses runs.
typedef struct {
    xmlGenericErrorFunc handler;
    void *context;
} crosswalk_saved_errors;

/// Silences libxml2's generic error output on the calling thread only (libxml2 keeps it per
/// thread) and returns what was there, for ``crosswalk_restoreGenericErrors``. Nothing
/// process-wide changes: other threads, and this thread after the parse, keep their own.
static inline crosswalk_saved_errors crosswalk_silenceGenericErrors(void) {
    crosswalk_saved_errors saved = { *__xmlGenericError(), *__xmlGenericErrorContext() };
    xmlSetGenericErrorFunc(NULL, crosswalk_silentGenericError);
    return saved;
}

static inline void crosswalk_restoreGenericErrors(crosswalk_saved_errors saved) {
    xmlSetGenericErrorFunc(saved.context, saved.handler);
}

/// The calling thread's generic error handler (for tests that check it is left alone).
static inline void *crosswalk_currentGenericErrorHandler(void) {
    return (void *)*__xmlGenericError();
}

/// The process's external-entity loader (for tests that check it is left alone).
static inline void *crosswalk_currentEntityLoader(void) {
    return (void *)xmlGetExternalEntityLoader();
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
