#include "CLibXML2Probe.h"
#include <string.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

static int probe_errors = 0;

static void probe_counting_error(void *ctx, const char *msg, ...) {
    (void)ctx; (void)msg;
    probe_errors += 1;
}

int crosswalk_probe_parse(const char *xml, int length, int options, char *out, int capacity) {
    if (capacity > 0) out[0] = 0;
    xmlDocPtr doc = xmlReadMemory(xml, length, "probe.xml", NULL, options);
    if (doc == NULL) return 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root != NULL && capacity > 0) {
        xmlChar *text = xmlNodeGetContent(root);
        if (text != NULL) {
            strncpy(out, (const char *)text, (size_t)capacity - 1);
            out[capacity - 1] = 0;
            xmlFree(text);
        }
    }
    xmlFreeDoc(doc);
    return 1;
}

int crosswalk_probe_option_noent(void) { return XML_PARSE_NOENT; }
int crosswalk_probe_option_dtdload(void) { return XML_PARSE_DTDLOAD; }

void crosswalk_probe_install_counting_errors(void) {
    xmlSetGenericErrorFunc(NULL, probe_counting_error);
}

int crosswalk_probe_error_count(void) { return probe_errors; }

const void *crosswalk_probe_entity_loader(void) { return (const void *)xmlGetExternalEntityLoader(); }
const void *crosswalk_probe_generic_error_handler(void) { return (const void *)*__xmlGenericError(); }
