/* Running a tensor sequence (a vector with "graphs" and "steps", vectors/FORMAT.md) against an
 * adapter's device tensors, inside a worker process. */
#ifndef RUNNER_SEQUENCE_H
#define RUNNER_SEQUENCE_H

#include "execute.h"

/* e is started (context and limits); c->vc->sequence is set. */
void rn_exec_sequence(rn_exec *e, const rn_case *c, rn_result *r);

#endif
