/* Expectations: the known results of an adapter, one rule per line:
 *     STATUS[,STATUS...] GLOB
 * e.g. "FAIL conv2d.json/[star]float16[star]" (with real asterisks) or "CRASH,TIMEOUT gru.json/[star]".
 * The LAST matching rule decides, so broad rules go first and exceptions after them.
 * Without a matching rule a case is expected to PASS or be NOTSUPPORTED, except that a
 * NOTSUPPORTED which is a conformance gap is only expected when a rule says so. */
#ifndef RUNNER_EXPECTATIONS_H
#define RUNNER_EXPECTATIONS_H

#include <stddef.h>

#include "result.h"

typedef struct rn_expect_rule {
    char *glob;
    unsigned statuses;   /* bit (1u << rn_status) */
    int line;
} rn_expect_rule;

typedef struct rn_expectations {
    rn_expect_rule *rules;
    unsigned n;
} rn_expectations;

int rn_expectations_load(rn_expectations *e, const char *path, char *err, size_t cap);
int rn_expectations_parse(rn_expectations *e, const char *text, const char *label, char *err, size_t cap);
void rn_expectations_free(rn_expectations *e);
/* The set of statuses expected for this result. */
unsigned rn_expected(const rn_expectations *e, const rn_result *r);
/* "PASS,NOTSUPPORTED" */
const char *rn_status_set_str(unsigned set, char *buf, size_t cap);

#endif
