/* softmax along an explicit axis. Expected values: exp(x - max) / sum, computed in double
 * with numpy and rounded once, or by hand where the inputs make it exact. */
#include <stdio.h>

#include "support.h"

static void check_softmax(const char *type, const char *shape, const char *in, unsigned axis, const char *out)
{
    char json[2048];
    snprintf(json, sizeof json,
             "{'tests':[{'name':'softmax','graph':{'inputs':{"
             "'x':{'descriptor':{'dataType':'%s','shape':%s},'data':%s}},"
             "'operators':[{'name':'softmax','arguments':[{'input':'x'},{'axis':%u}],'outputs':'y'}],"
             "'expectedOutputs':{'y':{'descriptor':{'dataType':'%s','shape':%s},'data':%s}}}}]}",
             type, shape, in, axis, type, shape, out);
    wt_check_case(json);
}

static void reject_softmax(const char *type, const char *shape, const char *args)
{
    char json[1024];
    snprintf(json, sizeof json,
             "{'tests':[{'name':'bad','graph':{'inputs':{'x':{'descriptor':{'dataType':'%s','shape':%s}}},"
             "'operators':[{'name':'softmax','arguments':[{'input':'x'}%s],'outputs':'y'}]},"
             "'expectedError':'TypeError'}]}",
             type, shape, args);
    wt_check_rejected(json, WN_TYPE_ERROR);
}

static void softmax_along_the_last_axis(void **state)
{
    (void)state;
    check_softmax("float32", "[2,3]", "[1,2,3,-1,0,1.5]", 1,
                  "[0.09003057330846786,0.2447284758090973,0.6652409434318542,"
                  "0.06289001554250717,0.17095278203487396,0.7661572098731995]");
}

static void softmax_along_the_first_axis(void **state)
{
    (void)state;
    /* columns (1,-1), (2,0): 1/(1+e^-2) = 0.8807970779...; (3,1.5): 1/(1+e^-1.5) */
    check_softmax("float32", "[2,3]", "[1,2,3,-1,0,1.5]", 0,
                  "[0.8807970881462097,0.8807970881462097,0.8175745010375977,"
                  "0.11920291930437088,0.11920291930437088,0.18242552876472473]");
}

static void softmax_float16_rounds_once(void **state)
{
    (void)state;
    check_softmax("float16", "[2,3]", "[1,2,3,-1,0,1.5]", 1,
                  "[0.09002685546875,0.2447509765625,0.6650390625,0.0628662109375,0.1708984375,0.76611328125]");
}

static void softmax_rank1_and_rank5(void **state)
{
    (void)state;
    /* equal values: exactly 1/4 each */
    check_softmax("float32", "[4]", "[7,7,7,7]", 0, "[0.25,0.25,0.25,0.25]");
    /* shape [1,2,1,1,2], axis 1: pairs (0.5,2) and (-1,3) */
    check_softmax("float32", "[1,2,1,1,2]", "[0.5,-1,2,3]", 1,
                  "[0.18242552876472473,0.01798621006309986,0.8175745010375977,0.9820137619972229]");
}

static void softmax_subtracts_the_max(void **state)
{
    (void)state;
    /* exp(1000) overflows double; after subtracting the max each term is exp(0) = 1 */
    check_softmax("float32", "[2]", "[1000,1000]", 0, "[0.5,0.5]");
    check_softmax("float16", "[2]", "[-65504,-65504]", 0, "[0.5,0.5]");
}

static void softmax_special_values(void **state)
{
    (void)state;
    /* -Inf contributes exp(-Inf) = 0 */
    check_softmax("float32", "[3]", "['-Infinity',0,1]", 0, "[0,0.2689414322376251,0.7310585975646973]");
    /* NaN poisons its own line only */
    check_softmax("float32", "[2,2]", "['NaN',1,0,0]", 1, "['NaN','NaN',0.5,0.5]");
    /* our choice, as the spec's emulation: +Inf - +Inf is NaN, so a line holding +Inf is NaN;
     * an all -Inf line likewise */
    check_softmax("float32", "[2,2]", "['Infinity',1,'-Infinity','-Infinity']", 1, "['NaN','NaN','NaN','NaN']");
}

static void softmax_rejections(void **state)
{
    (void)state;
    reject_softmax("float32", "[2,3]", ",{'axis':2}");
    reject_softmax("float32", "[2,3]", "");          /* axis is required */
    reject_softmax("float32", "[]", ",{'axis':0}");  /* rank 0 is not allowed */
    reject_softmax("int32", "[2]", ",{'axis':0}");
    reject_softmax("float32", "[2]", ",{'axis':-1}"); /* [EnforceRange] unsigned long */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(softmax_along_the_last_axis),
        cmocka_unit_test(softmax_along_the_first_axis),
        cmocka_unit_test(softmax_float16_rounds_once),
        cmocka_unit_test(softmax_rank1_and_rank5),
        cmocka_unit_test(softmax_subtracts_the_max),
        cmocka_unit_test(softmax_special_values),
        cmocka_unit_test(softmax_rejections),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
