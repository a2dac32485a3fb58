/* Warnings of a loaded case: what the loader accepted but ignored, as a browser would
 * (an option the spec does not define). They travel with the result to every report. */
#ifndef WEBNN_VECTOR_WARN_H
#define WEBNN_VECTOR_WARN_H

/* Appends one warning to *warnings ("; "-joined). warnings NULL: nothing to do.
 * Returns 0, or -1 when out of memory. */
int wn_vec_warn(char **warnings, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
