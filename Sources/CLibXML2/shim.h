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

static inline void crosswalk_installRefusingEntityLoader(void) {
    xmlSetExternalEntityLoader(crosswalk_refusingEntityLoader);
}

/// Line and column of the parser's current input, or 0 when there is none.
static inline int crosswalk_line(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->line : 0;
}
static inline int crosswalk_column(xmlParserCtxtPtr ctxt) {
    return (ctxt != NULL && ctxt->input != NULL) ? ctxt->input->col : 0;
}

#endif
