#ifndef CROSSWALK_LIBXML2_PROBE_H
#define CROSSWALK_LIBXML2_PROBE_H

// Test-only: plays "another libxml2 user in the same process" (as FoundationXML would be),
// so a test can check that Crosswalk's parses leave that user's settings alone.
// Plain C types only: no libxml2 header reaches Swift through this module.

/// Parses `xml` with libxml2's document API and the given `options` (XML_PARSE_* bits), as
/// an unrelated libxml2 user would, and copies the root element's text content into `out`.
/// Returns 1 when the document parsed, 0 otherwise.
int crosswalk_probe_parse(const char *xml, int length, int options, char *out, int capacity);

/// Option bits of libxml2, so the test need not import libxml2.
int crosswalk_probe_option_noent(void);
int crosswalk_probe_option_dtdload(void);

/// Installs, on the calling thread, a generic error handler of the probe's own that counts
/// the messages it receives.
void crosswalk_probe_install_counting_errors(void);
/// Messages the probe's handler has received so far.
int crosswalk_probe_error_count(void);

/// The process's external-entity loader and the calling thread's generic error handler.
const void *crosswalk_probe_entity_loader(void);
const void *crosswalk_probe_generic_error_handler(void);

#endif
