/* pooling: being written. */
#include "obl.h"

const obl_kernel_set obl_set_pool = {0, 0};
