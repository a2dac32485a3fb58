/* Results of imported web-platform-tests cases (tools/wpt/import.js) under WPT's own ids, so
 * that a wptreport can be diffed against a browser's from wpt.fyi case by case: one test per
 * WPT file and device variant ("/webnn/conformance_tests/add.https.any.html?cpu"), one subtest
 * per case, named as WPT names its promise_test. */
#ifndef RUNNER_WPT_IDS_H
#define RUNNER_WPT_IDS_H

#include <cjson/cJSON.h>

#include "corpus.h"
#include "result.h"
#include "run.h"

/* Sets r->wpt_test and r->wpt_subtest of a case from an imported file (c->wpt_path set);
 * device is the run's --device ("gpu", "npu"; anything else is the ?cpu variant). */
void rn_wpt_ids(const rn_case *c, const char *device, rn_result *r);

/* Adds e (r.wpt_test set) to the wptreport results array: as a subtest of its test,
 * creating the test on first use. Returns 0, or -1 when out of memory. */
int rn_wpt_report_add(cJSON *results, const rn_entry *e);

#endif
