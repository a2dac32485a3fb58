/* conv2d, convTranspose2d: being written. */
#include "obl.h"

const obl_kernel_set obl_set_conv = {0, 0};
