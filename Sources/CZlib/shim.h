#ifndef CROSSWALK_CZLIB_SHIM_H
#define CROSSWALK_CZLIB_SHIM_H
#include <zlib.h>

/* deflateInit2 is a macro; Swift sees this function instead. Raw deflate (no zlib header), as ZIP stores it. */
static inline int crosswalk_deflate_init_raw(z_streamp strm, int level) {
    return deflateInit2(strm, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

/* For tests that read the workbook back. */
static inline int crosswalk_inflate_init_raw(z_streamp strm) {
    return inflateInit2(strm, -15);
}
#endif
