/* gruCell, gru, lstmCell, lstm (#api-mlgraphbuilder-gru and following).
 *
 * The value tests come from an independent numpy oracle written from the spec's emulation
 * notes (matrix form, float64, each step's state rounded to the operand type); the hand-
 * checkable ones show their arithmetic in the comment. Layout tests store the SAME gates
 * in the other order and expect the SAME outputs. The rejection tests check the error kind
 * and that the message names the rule that fired. */
#include <stdio.h>
#include <string.h>

#include "support.h"

/* ------------------------------------------------------------- value tests ---- */

/* z = 0.5, r = 0.5, n = relu(1 + 0.5 * (1 + 0.5 * 2)) = 2, h' = 0.5 * 2 + 0.5 * 2 = 2 */
static void gruCell_relu_hand_checked_reset_after(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_relu_hand_checked_reset_after','graph':{'inputs':{'x':{'descriptor':{'dat"
        "aType':'float32','shape':[1,1]},'data':[1]},'W':{'descriptor':{'dataType':'float32','shape':[3,1]},'"
        "data':[0.5,0,1]},'R':{'descriptor':{'dataType':'float32','shape':[3,1]},'data':[0,0.25,0.5]},'h':{'d"
        "escriptor':{'dataType':'float32','shape':[1,1]},'data':[2]},'b':{'descriptor':{'dataType':'float32',"
        "'shape':[3]},'data':[0,0,0]},'rb':{'descriptor':{'dataType':'float32','shape':[3]},'data':[0,0,1]}},"
        "'operators':[{'name':'gruCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'h"
        "iddenState':'h'},{'hiddenSize':1},{'options':{'bias':'b','recurrentBias':'rb','activations':['relu',"
        "'relu']}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[1,1]}"
        ",'data':[2]}}}}]}");
}

/* z = 0.5, r = 0.5, n = relu(1 + 1 + (0.5 * 2) * 0.5) = 2.5, h' = 0.5 * 2 + 0.5 * 2.5 = 2.25 */
static void gruCell_relu_hand_checked_reset_before(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_relu_hand_checked_reset_before','graph':{'inputs':{'x':{'descriptor':{'da"
        "taType':'float32','shape':[1,1]},'data':[1]},'W':{'descriptor':{'dataType':'float32','shape':[3,1]},"
        "'data':[0.5,0,1]},'R':{'descriptor':{'dataType':'float32','shape':[3,1]},'data':[0,0.25,0.5]},'h':{'"
        "descriptor':{'dataType':'float32','shape':[1,1]},'data':[2]},'b':{'descriptor':{'dataType':'float32'"
        ",'shape':[3]},'data':[0,0,0]},'rb':{'descriptor':{'dataType':'float32','shape':[3]},'data':[0,0,1]}}"
        ",'operators':[{'name':'gruCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'"
        "hiddenState':'h'},{'hiddenSize':1},{'options':{'bias':'b','recurrentBias':'rb','resetAfter':false,'a"
        "ctivations':['relu','relu']}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'flo"
        "at32','shape':[1,1]},'data':[2.25]}}}}]}");
}

/* defaults: sigmoid/tanh, resetAfter, zrn */
static void gruCell_default_options_no_bias(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_default_options_no_bias','graph':{'inputs':{'x':{'descriptor':{'dataType'"
        ":'float32','shape':[2,3]},'data':[0.390625,-0.890625,-0.359375,-0.40625,0.84375,-0.703125]},'W':{'de"
        "scriptor':{'dataType':'float32','shape':[6,3]},'data':[-0.5625,-0.0625,0.984375,0.09375,-0.875,0,-0."
        "015625,-0.859375,-0.140625,0.0625,-0.265625,-0.375,0.5625,0.265625,0.375,0.75,0.34375,-0.03125]},'R'"
        ":{'descriptor':{'dataType':'float32','shape':[6,2]},'data':[-0.25,-0.390625,-0.9375,-0.90625,0.40625"
        ",0.328125,-0.34375,-0.0625,0.890625,0.890625,-0.671875,0.515625]},'h':{'descriptor':{'dataType':'flo"
        "at32','shape':[2,2]},'data':[-0.8125,0.5625,0,-0.234375]}},'operators':[{'name':'gruCell','arguments"
        "':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'hiddenSize':2}],'outpu"
        "ts':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[-0.48308"
        "444023132324,0.5457533001899719,-0.19664107263088226,-0.11935757845640182]}}}}]}");
}

/* batch 2, hidden 2, both biases */
static void gruCell_biases_reset_after(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_biases_reset_after','graph':{'inputs':{'x':{'descriptor':{'dataType':'flo"
        "at32','shape':[2,3]},'data':[0.25,0.796875,0.546875,-0.546875,-0.40625,0.75]},'W':{'descriptor':{'da"
        "taType':'float32','shape':[6,3]},'data':[-0.984375,0.640625,0.59375,-0.0625,-0.390625,-0.4375,-0.484"
        "375,-0.109375,0.015625,0.109375,0.984375,0.578125,0.25,0.984375,-0.5625,-0.671875,0.21875,-0.90625]}"
        ",'R':{'descriptor':{'dataType':'float32','shape':[6,2]},'data':[-0.921875,0.03125,-0.0625,0.828125,0"
        ".265625,0.03125,'-0',-0.5,-0.96875,-0.609375,0.390625,-0.59375]},'h':{'descriptor':{'dataType':'floa"
        "t32','shape':[2,2]},'data':[-0.265625,-1,0.65625,-0.6875]},'b':{'descriptor':{'dataType':'float32','"
        "shape':[6]},'data':[-0.46875,0.765625,0.015625,0.6875,0.28125,0.484375]},'rb':{'descriptor':{'dataTy"
        "pe':'float32','shape':[6]},'data':[-0.8125,0.078125,0.015625,0.75,-0.28125,0.203125]}},'operators':["
        "{'name':'gruCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState':'"
        "h'},{'hiddenSize':2},{'options':{'bias':'b','recurrentBias':'rb'}}],'outputs':'y'}],'expectedOutputs"
        "':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[0.3867015242576599,-0.006112300790"
        "846348,-0.42548802495002747,-0.038837678730487823]}}}}]}");
}

/* same data, resetAfter false */
static void gruCell_biases_reset_before(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_biases_reset_before','graph':{'inputs':{'x':{'descriptor':{'dataType':'fl"
        "oat32','shape':[2,3]},'data':[0.25,0.796875,0.546875,-0.546875,-0.40625,0.75]},'W':{'descriptor':{'d"
        "ataType':'float32','shape':[6,3]},'data':[-0.984375,0.640625,0.59375,-0.0625,-0.390625,-0.4375,-0.48"
        "4375,-0.109375,0.015625,0.109375,0.984375,0.578125,0.25,0.984375,-0.5625,-0.671875,0.21875,-0.90625]"
        "},'R':{'descriptor':{'dataType':'float32','shape':[6,2]},'data':[-0.921875,0.03125,-0.0625,0.828125,"
        "0.265625,0.03125,'-0',-0.5,-0.96875,-0.609375,0.390625,-0.59375]},'h':{'descriptor':{'dataType':'flo"
        "at32','shape':[2,2]},'data':[-0.265625,-1,0.65625,-0.6875]},'b':{'descriptor':{'dataType':'float32',"
        "'shape':[6]},'data':[-0.46875,0.765625,0.015625,0.6875,0.28125,0.484375]},'rb':{'descriptor':{'dataT"
        "ype':'float32','shape':[6]},'data':[-0.8125,0.078125,0.015625,0.75,-0.28125,0.203125]}},'operators':"
        "[{'name':'gruCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState':"
        "'h'},{'hiddenSize':2},{'options':{'bias':'b','recurrentBias':'rb','resetAfter':false}}],'outputs':'y"
        "'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[0.419097423553"
        "4668,0.01954464241862297,-0.4287175238132477,-0.046391475945711136]}}}}]}");
}

/* the zrn gates of gruCell_biases_reset_after stored r, z, n: same result */
static void gruCell_rzn_layout_matches_zrn(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_rzn_layout_matches_zrn','graph':{'inputs':{'x':{'descriptor':{'dataType':"
        "'float32','shape':[2,3]},'data':[0.25,0.796875,0.546875,-0.546875,-0.40625,0.75]},'W':{'descriptor':"
        "{'dataType':'float32','shape':[6,3]},'data':[-0.484375,-0.109375,0.015625,0.109375,0.984375,0.578125"
        ",-0.984375,0.640625,0.59375,-0.0625,-0.390625,-0.4375,0.25,0.984375,-0.5625,-0.671875,0.21875,-0.906"
        "25]},'R':{'descriptor':{'dataType':'float32','shape':[6,2]},'data':[0.265625,0.03125,'-0',-0.5,-0.92"
        "1875,0.03125,-0.0625,0.828125,-0.96875,-0.609375,0.390625,-0.59375]},'h':{'descriptor':{'dataType':'"
        "float32','shape':[2,2]},'data':[-0.265625,-1,0.65625,-0.6875]},'b':{'descriptor':{'dataType':'float3"
        "2','shape':[6]},'data':[0.015625,0.6875,-0.46875,0.765625,0.28125,0.484375]},'rb':{'descriptor':{'da"
        "taType':'float32','shape':[6]},'data':[0.015625,0.75,-0.8125,0.078125,-0.28125,0.203125]}},'operator"
        "s':[{'name':'gruCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenStat"
        "e':'h'},{'hiddenSize':2},{'options':{'bias':'b','recurrentBias':'rb','layout':'rzn'}}],'outputs':'y'"
        "}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[0.3867015242576"
        "599,-0.006112300790846348,-0.42548802495002747,-0.038837678730487823]}}}}]}");
}

/* activations [tanh, relu] */
static void gruCell_activations_tanh_relu(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_activations_tanh_relu','graph':{'inputs':{'x':{'descriptor':{'dataType':'"
        "float32','shape':[2,3]},'data':[0.25,0.796875,0.546875,-0.546875,-0.40625,0.75]},'W':{'descriptor':{"
        "'dataType':'float32','shape':[6,3]},'data':[-0.984375,0.640625,0.59375,-0.0625,-0.390625,-0.4375,-0."
        "484375,-0.109375,0.015625,0.109375,0.984375,0.578125,0.25,0.984375,-0.5625,-0.671875,0.21875,-0.9062"
        "5]},'R':{'descriptor':{'dataType':'float32','shape':[6,2]},'data':[-0.921875,0.03125,-0.0625,0.82812"
        "5,0.265625,0.03125,'-0',-0.5,-0.96875,-0.609375,0.390625,-0.59375]},'h':{'descriptor':{'dataType':'f"
        "loat32','shape':[2,2]},'data':[-0.265625,-1,0.65625,-0.6875]},'b':{'descriptor':{'dataType':'float32"
        "','shape':[6]},'data':[-0.46875,0.765625,0.015625,0.6875,0.28125,0.484375]},'rb':{'descriptor':{'dat"
        "aType':'float32','shape':[6]},'data':[-0.8125,0.078125,0.015625,0.75,-0.28125,0.203125]}},'operators"
        "':[{'name':'gruCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState"
        "':'h'},{'hiddenSize':2},{'options':{'bias':'b','recurrentBias':'rb','resetAfter':false,'activations'"
        ":['tanh','relu']}}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32','shap"
        "e':[2,2]},'data':[1.6761833429336548,1.704087257385254,-0.5439071655273438,0.6457983255386353]}}}}]}");
}

/* float16 inputs, result rounded once to float16 */
static void gruCell_float16(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_float16','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16','shap"
        "e':[2,3]},'data':[0.25,0.796875,0.546875,-0.546875,-0.40625,0.75]},'W':{'descriptor':{'dataType':'fl"
        "oat16','shape':[6,3]},'data':[-0.984375,0.640625,0.59375,-0.0625,-0.390625,-0.4375,-0.484375,-0.1093"
        "75,0.015625,0.109375,0.984375,0.578125,0.25,0.984375,-0.5625,-0.671875,0.21875,-0.90625]},'R':{'desc"
        "riptor':{'dataType':'float16','shape':[6,2]},'data':[-0.921875,0.03125,-0.0625,0.828125,0.265625,0.0"
        "3125,'-0',-0.5,-0.96875,-0.609375,0.390625,-0.59375]},'h':{'descriptor':{'dataType':'float16','shape"
        "':[2,2]},'data':[-0.265625,-1,0.65625,-0.6875]},'b':{'descriptor':{'dataType':'float16','shape':[6]}"
        ",'data':[-0.46875,0.765625,0.015625,0.6875,0.28125,0.484375]},'rb':{'descriptor':{'dataType':'float1"
        "6','shape':[6]},'data':[-0.8125,0.078125,0.015625,0.75,-0.28125,0.203125]}},'operators':[{'name':'gr"
        "uCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'hidde"
        "nSize':2},{'options':{'bias':'b','recurrentBias':'rb'}}],'outputs':'y'}],'expectedOutputs':{'y':{'de"
        "scriptor':{'dataType':'float16','shape':[2,2]},'data':[0.38671875,-0.00611114501953125,-0.4255371093"
        "75,-0.038848876953125]}}}}]}");
}

/* row 0: x = +Inf makes z = r = 1, n = 1, so h' = h; row 1: x = NaN gives NaN */
static void gruCell_infinity_saturates_and_nan_propagates(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gruCell_infinity_saturates_and_nan_propagates','graph':{'inputs':{'x':{'descripto"
        "r':{'dataType':'float32','shape':[2,1]},'data':['Infinity','NaN']},'W':{'descriptor':{'dataType':'fl"
        "oat32','shape':[3,1]},'data':[1,1,1]},'R':{'descriptor':{'dataType':'float32','shape':[3,1]},'data':"
        "[0.5,0.5,0.5]},'h':{'descriptor':{'dataType':'float32','shape':[2,1]},'data':[0.75,0.75]}},'operator"
        "s':[{'name':'gruCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenStat"
        "e':'h'},{'hiddenSize':1}],'outputs':'y'}],'expectedOutputs':{'y':{'descriptor':{'dataType':'float32'"
        ",'shape':[2,1]},'data':[0.75,'NaN']}}}}]}");
}

/* steps 3, forward, initial state, both biases */
static void gru_forward_sequence(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gru_forward_sequence','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
        "'shape':[3,2,2]},'data':[-1.484375,'-0',0.40625,-1.890625,-1.40625,1.71875,-1.71875,-1.484375,1.7968"
        "75,0.484375,-0.53125,0.046875]},'W':{'descriptor':{'dataType':'float32','shape':[1,6,2]},'data':[0.3"
        "28125,-0.453125,-0.71875,0.578125,0.34375,0.03125,0.640625,0.09375,0.96875,-0.59375,0.109375,-0.0312"
        "5]},'R':{'descriptor':{'dataType':'float32','shape':[1,6,2]},'data':[-0.296875,0.1875,-0.53125,0.609"
        "375,0.734375,-0.75,-0.0625,-0.453125,-0.828125,0.796875,-0.140625,-0.703125]},'bias':{'descriptor':{"
        "'dataType':'float32','shape':[1,6]},'data':[0.34375,-0.59375,0.796875,-0.5625,-0.9375,-0.59375]},'re"
        "currentBias':{'descriptor':{'dataType':'float32','shape':[1,6]},'data':[-0.3125,-0.0625,0.8125,0.390"
        "625,-0.328125,-0.96875]},'initialHiddenState':{'descriptor':{'dataType':'float32','shape':[1,2,2]},'"
        "data':[-0.6875,1,-0.078125,0.375]}},'operators':[{'name':'gru','arguments':[{'input':'x'},{'weight':"
        "'W'},{'recurrentWeight':'R'},{'steps':3},{'hiddenSize':2},{'options':{'bias':'bias','recurrentBias':"
        "'recurrentBias','initialHiddenState':'initialHiddenState','returnSequence':true}}],'outputs':['h','s"
        "eq']}],'expectedOutputs':{'h':{'descriptor':{'dataType':'float32','shape':[1,2,2]},'data':[-0.386082"
        "4704170227,-0.44831162691116333,-0.7236424684524536,-0.6826978325843811]},'seq':{'descriptor':{'data"
        "Type':'float32','shape':[3,1,2,2]},'data':[-0.8260387182235718,0.64445960521698,0.07499431818723679,"
        "-0.60474693775177,-0.9431359171867371,0.4971342980861664,-0.4537152349948883,-0.6688170433044434,-0."
        "3860824704170227,-0.44831162691116333,-0.7236424684524536,-0.6826978325843811]}}}}]}");
}

/* backward: reads t = 2, 1, 0; seq[t] is the state after reading t */
static void gru_backward_sequence_in_time_order(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gru_backward_sequence_in_time_order','graph':{'inputs':{'x':{'descriptor':{'dataT"
        "ype':'float32','shape':[3,1,2]},'data':[-1.484375,'-0',0.40625,-1.890625,-1.40625,1.71875]},'W':{'de"
        "scriptor':{'dataType':'float32','shape':[1,6,2]},'data':[-0.859375,-0.734375,0.890625,0.25,-0.265625"
        ",0.015625,0.328125,-0.453125,-0.71875,0.578125,0.34375,0.03125]},'R':{'descriptor':{'dataType':'floa"
        "t32','shape':[1,6,2]},'data':[0.640625,0.09375,0.96875,-0.59375,0.109375,-0.03125,-0.296875,0.1875,-"
        "0.53125,0.609375,0.734375,-0.75]},'bias':{'descriptor':{'dataType':'float32','shape':[1,6]},'data':["
        "-0.0625,-0.453125,-0.828125,0.796875,-0.140625,-0.703125]},'recurrentBias':{'descriptor':{'dataType'"
        ":'float32','shape':[1,6]},'data':[0.34375,-0.59375,0.796875,-0.5625,-0.9375,-0.59375]},'initialHidde"
        "nState':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'data':[-0.3125,-0.0625]}},'operators':"
        "[{'name':'gru','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':3},{'hidde"
        "nSize':2},{'options':{'bias':'bias','recurrentBias':'recurrentBias','initialHiddenState':'initialHid"
        "denState','returnSequence':true,'direction':'backward'}}],'outputs':['h','seq']}],'expectedOutputs':"
        "{'h':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'data':[0.055082596838474274,-0.8202908039"
        "093018]},'seq':{'descriptor':{'dataType':'float32','shape':[3,1,1,2]},'data':[0.055082596838474274,-"
        "0.8202908039093018,0.03529771417379379,-0.5795470476150513,0.2790693938732147,-0.7889495491981506]}}"
        "}}]}");
}

/* 'both': direction 1 runs backward; stacked on the numDirections axis */
static void gru_both_directions(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gru_both_directions','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32','"
        "shape':[3,2,1]},'data':[-1,1.78125,-1.25,-1.28125,-0.59375,-1.078125]},'W':{'descriptor':{'dataType'"
        ":'float32','shape':[2,6,1]},'data':[0.34375,-0.765625,0.796875,0.71875,-1,0.078125,-0.78125,-0.48437"
        "5,-0.171875,-0.09375,-0.0625,0.859375]},'R':{'descriptor':{'dataType':'float32','shape':[2,6,2]},'da"
        "ta':[-0.484375,-0.625,0.34375,0.890625,0.84375,0.765625,-0.875,0.875,0.296875,0.75,-0.1875,-0.5625,0"
        ".59375,0.328125,0.5625,-0.59375,-0.734375,0.53125,-0.953125,0.890625,-0.734375,0.203125,-0.15625,-0."
        "359375]},'bias':{'descriptor':{'dataType':'float32','shape':[2,6]},'data':[-0.65625,0.5625,0.828125,"
        "0.453125,0.203125,0.421875,0.078125,0.109375,0.8125,-0.4375,-0.5625,0.890625]},'recurrentBias':{'des"
        "criptor':{'dataType':'float32','shape':[2,6]},'data':[0.890625,-0.046875,0.59375,0.484375,0.90625,-0"
        ".84375,0.796875,0,-0.109375,0.375,0.234375,-0.125]},'initialHiddenState':{'descriptor':{'dataType':'"
        "float32','shape':[2,2,2]},'data':[-0.421875,0.84375,0.640625,-0.796875,-0.1875,0.53125,0.765625,0.92"
        "1875]}},'operators':[{'name':'gru','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'}"
        ",{'steps':3},{'hiddenSize':2},{'options':{'bias':'bias','recurrentBias':'recurrentBias','initialHidd"
        "enState':'initialHiddenState','returnSequence':true,'direction':'both'}}],'outputs':['h','seq']}],'e"
        "xpectedOutputs':{'h':{'descriptor':{'dataType':'float32','shape':[2,2,2]},'data':[0.9230073690414429"
        ",0.4204525649547577,0.8542481064796448,-0.028315428644418716,-0.18212801218032837,0.0371654182672500"
        "6,-0.06697361916303635,0.6976358890533447]},'seq':{'descriptor':{'dataType':'float32','shape':[3,2,2"
        ",2]},'data':[0.4260595142841339,0.6589042544364929,0.2619082033634186,-0.018345603719353676,-0.18212"
        "801218032837,0.03716541826725006,-0.06697361916303635,0.6976358890533447,0.8168396949768066,0.555739"
        "0451431274,0.6730537414550781,-0.027094388380646706,-0.17552830278873444,0.08817826211452484,0.56727"
        "32591629028,0.20408295094966888,0.9230073690414429,0.4204525649547577,0.8542481064796448,-0.02831542"
        "8644418716,-0.18071912229061127,0.3586048185825348,0.6648492217063904,0.45371493697166443]}}}}]}");
}

/* no options: zero initial state, one output */
static void gru_defaults_single_output(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gru_defaults_single_output','graph':{'inputs':{'x':{'descriptor':{'dataType':'flo"
        "at32','shape':[2,1,3]},'data':[1.453125,1.421875,1.25,-0.953125,-1.6875,1.78125]},'W':{'descriptor':"
        "{'dataType':'float32','shape':[1,6,3]},'data':[0.234375,-1,0.828125,0.96875,-0.421875,0.625,-0.82812"
        "5,-0.125,0.640625,-0.1875,0.03125,-0.765625,0.625,'-0',-0.5,0.546875,0.953125,0.078125]},'R':{'descr"
        "iptor':{'dataType':'float32','shape':[1,6,2]},'data':[0.46875,0.984375,-0.9375,0.203125,0.9375,-0.76"
        "5625,-0.546875,0.09375,0.4375,0.109375,0.09375,-0.890625]}},'operators':[{'name':'gru','arguments':["
        "{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':2},{'hiddenSize':2}],'outputs':'h'}],'"
        "expectedOutputs':{'h':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'data':[0.099552057683467"
        "86,-0.18413187563419342]}}}}]}");
}

/* rzn layout, resetAfter false, activations [sigmoid, relu] */
static void gru_rzn_reset_before_relu(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gru_rzn_reset_before_relu','graph':{'inputs':{'x':{'descriptor':{'dataType':'floa"
        "t32','shape':[2,2,2]},'data':[1.328125,-0.5625,0.8125,1.4375,0.5625,0.1875,1.046875,0.859375]},'W':{"
        "'descriptor':{'dataType':'float32','shape':[1,6,2]},'data':[0.296875,0.46875,-0.203125,0.015625,-0.0"
        "625,0.140625,0.5,-0.875,-0.546875,0.296875,0.9375,-0.40625]},'R':{'descriptor':{'dataType':'float32'"
        ",'shape':[1,6,2]},'data':[0.34375,-0.9375,-0.6875,0.75,-0.078125,0.78125,0.109375,-0.15625,-0.6875,-"
        "0.9375,0.859375,0.5]},'bias':{'descriptor':{'dataType':'float32','shape':[1,6]},'data':[0.84375,-0.3"
        "125,0.953125,0.515625,0.515625,-0.671875]},'recurrentBias':{'descriptor':{'dataType':'float32','shap"
        "e':[1,6]},'data':[-0.625,-0.625,0.640625,0.46875,-0.65625,0.640625]},'initialHiddenState':{'descript"
        "or':{'dataType':'float32','shape':[1,2,2]},'data':[0.328125,-0.4375,0.3125,0.375]}},'operators':[{'n"
        "ame':'gru','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':2},{'hiddenSiz"
        "e':2},{'options':{'bias':'bias','recurrentBias':'recurrentBias','initialHiddenState':'initialHiddenS"
        "tate','resetAfter':false,'returnSequence':true,'layout':'rzn','activations':['sigmoid','relu']}}],'o"
        "utputs':['h','seq']}],'expectedOutputs':{'h':{'descriptor':{'dataType':'float32','shape':[1,2,2]},'d"
        "ata':[0.1948148012161255,-0.05578601360321045,0.24059629440307617,0.5197187662124634]},'seq':{'descr"
        "iptor':{'dataType':'float32','shape':[2,1,2,2]},'data':[0.2439589947462082,-0.24142198264598846,0.27"
        "56953239440918,0.380563884973526,0.1948148012161255,-0.05578601360321045,0.24059629440307617,0.51971"
        "87662124634]}}}}]}");
}

/* float16: the state is rounded to float16 after every step (without that rounding the last state differs) */
static void gru_float16_rounds_state_each_step(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'gru_float16_rounds_state_each_step','graph':{'inputs':{'x':{'descriptor':{'dataTy"
        "pe':'float16','shape':[3,2,2]},'data':[0.765625,1.265625,-0.625,-1.828125,0.28125,-1.421875,0.875,-0"
        ".625,-0.171875,1.90625,1.125,1.375]},'W':{'descriptor':{'dataType':'float16','shape':[2,6,2]},'data'"
        ":[0.109375,0.890625,-0.96875,0.78125,-0.21875,-0.53125,0.0625,0.890625,-0.34375,0.8125,-0.0625,0.937"
        "5,0.53125,0.5625,-0.28125,0.171875,-0.5,0.59375,-0.484375,0.34375,-0.84375,-0.5,-0.28125,-0.65625]},"
        "'R':{'descriptor':{'dataType':'float16','shape':[2,6,2]},'data':[-0.484375,-0.59375,-0.921875,-0.312"
        "5,-0.0625,-0.171875,0.796875,-0.828125,0.25,-0.296875,-0.953125,0.546875,-0.15625,0.953125,0.546875,"
        "0.734375,0.125,-0.328125,0.703125,-0.171875,0.75,0.828125,-0.296875,0.453125]},'bias':{'descriptor':"
        "{'dataType':'float16','shape':[2,6]},'data':[0.625,1,-0.078125,-0.59375,-0.484375,-0.234375,-0.85937"
        "5,0.390625,-0.890625,-0.0625,1,-0.1875]},'recurrentBias':{'descriptor':{'dataType':'float16','shape'"
        ":[2,6]},'data':[-0.578125,-0.1875,-0.484375,-0.59375,-0.484375,-0.390625,-0.078125,-0.4375,0.28125,0"
        ".71875,-0.953125,-0.0625]},'initialHiddenState':{'descriptor':{'dataType':'float16','shape':[2,2,2]}"
        ",'data':[0.234375,-0.046875,0.328125,-0.59375,0.875,0.984375,0.65625,0.171875]}},'operators':[{'name"
        "':'gru','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':3},{'hiddenSize':"
        "2},{'options':{'bias':'bias','recurrentBias':'recurrentBias','initialHiddenState':'initialHiddenStat"
        "e','returnSequence':true,'direction':'both'}}],'outputs':['h','seq']}],'expectedOutputs':{'h':{'desc"
        "riptor':{'dataType':'float16','shape':[2,2,2]},'data':[-0.60107421875,-0.5537109375,-0.69775390625,-"
        "0.54052734375,0.50439453125,0.2000732421875,0.92724609375,0.3310546875]},'seq':{'descriptor':{'dataT"
        "ype':'float16','shape':[3,2,2,2]},'data':[0.2255859375,0.1162109375,-0.71337890625,-0.79150390625,0."
        "50439453125,0.2000732421875,0.92724609375,0.3310546875,-0.72119140625,-0.6064453125,-0.7890625,-0.76"
        "07421875,0.86572265625,0.630859375,0.292724609375,-0.196533203125,-0.60107421875,-0.5537109375,-0.69"
        "775390625,-0.54052734375,0.75146484375,0.65673828125,0.1627197265625,-0.27392578125]}}}}]}");
}

/* relu gates, iofg W = [1, 1, 0, 2], c = 1: i = 1, o = 1, f = 0, g = 2, c' = 0 * 1 + 1 * 2 = 2, h' = 1 * 2 = 2 */
static void lstmCell_relu_hand_checked(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstmCell_relu_hand_checked','graph':{'inputs':{'x':{'descriptor':{'dataType':'flo"
        "at32','shape':[1,1]},'data':[1]},'W':{'descriptor':{'dataType':'float32','shape':[4,1]},'data':[1,1,"
        "0,2]},'R':{'descriptor':{'dataType':'float32','shape':[4,1]},'data':[0,0,0,0]},'h':{'descriptor':{'d"
        "ataType':'float32','shape':[1,1]},'data':[0]},'c':{'descriptor':{'dataType':'float32','shape':[1,1]}"
        ",'data':[1]}},'operators':[{'name':'lstmCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentW"
        "eight':'R'},{'hiddenState':'h'},{'cellState':'c'},{'hiddenSize':1},{'options':{'activations':['relu'"
        ",'relu','relu']}}],'outputs':['ho','co']}],'expectedOutputs':{'ho':{'descriptor':{'dataType':'float3"
        "2','shape':[1,1]},'data':[2]},'co':{'descriptor':{'dataType':'float32','shape':[1,1]},'data':[2]}}}}"
        "]}");
}

/* peepholes (i, o, f) = (0.5, 1, 2), c = 1: i = 1.5, f = 2, o = relu(1 + 1 * 1) = 2 (previous c), c' = 2 * 1 + 1.5 * 2 = 5, h' = 2 * 5 = 10 (o from c' would give 30) */
static void lstmCell_peephole_output_gate_uses_previous_cell(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstmCell_peephole_output_gate_uses_previous_cell','graph':{'inputs':{'x':{'descri"
        "ptor':{'dataType':'float32','shape':[1,1]},'data':[1]},'W':{'descriptor':{'dataType':'float32','shap"
        "e':[4,1]},'data':[1,1,0,2]},'R':{'descriptor':{'dataType':'float32','shape':[4,1]},'data':[0,0,0,0]}"
        ",'h':{'descriptor':{'dataType':'float32','shape':[1,1]},'data':[0]},'c':{'descriptor':{'dataType':'f"
        "loat32','shape':[1,1]},'data':[1]},'p':{'descriptor':{'dataType':'float32','shape':[3]},'data':[0.5,"
        "1,2]}},'operators':[{'name':'lstmCell','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':"
        "'R'},{'hiddenState':'h'},{'cellState':'c'},{'hiddenSize':1},{'options':{'peepholeWeight':'p','activa"
        "tions':['relu','relu','relu']}}],'outputs':['ho','co']}],'expectedOutputs':{'ho':{'descriptor':{'dat"
        "aType':'float32','shape':[1,1]},'data':[10]},'co':{'descriptor':{'dataType':'float32','shape':[1,1]}"
        ",'data':[5]}}}}]}");
}

/* defaults: sigmoid/tanh/tanh, iofg */
static void lstmCell_defaults_no_bias_no_peephole(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstmCell_defaults_no_bias_no_peephole','graph':{'inputs':{'x':{'descriptor':{'dat"
        "aType':'float32','shape':[2,3]},'data':[0.1875,-0.8125,0.6875,0.09375,0.296875,-0.265625]},'W':{'des"
        "criptor':{'dataType':'float32','shape':[8,3]},'data':[-0.84375,-0.9375,0.015625,-0.453125,0.109375,-"
        "0.359375,0.96875,0.796875,-0.59375,-0.453125,-0.796875,-0.28125,0.5625,0.71875,-0.296875,-0.1875,-0."
        "1875,-0.609375,-0.78125,-0.78125,0.234375,-0.640625,-0.9375,0.265625]},'R':{'descriptor':{'dataType'"
        ":'float32','shape':[8,2]},'data':[0.890625,1,-0.265625,0.875,-0.0625,0.34375,0.296875,-0.015625,-0.0"
        "15625,0.4375,-0.25,-0.59375,-1,-0.828125,-0.734375,0.953125]},'h':{'descriptor':{'dataType':'float32"
        "','shape':[2,2]},'data':[0.21875,0.421875,-0.859375,-0.921875]},'c':{'descriptor':{'dataType':'float"
        "32','shape':[2,2]},'data':[0.8125,0.546875,0.0625,-0.328125]}},'operators':[{'name':'lstmCell','argu"
        "ments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'cellState':'c'},{"
        "'hiddenSize':2}],'outputs':['ho','co']}],'expectedOutputs':{'ho':{'descriptor':{'dataType':'float32'"
        ",'shape':[2,2]},'data':[0.11392445862293243,0.30979982018470764,0.0704512968659401,-0.16424001753330"
        "23]},'co':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[0.3692580461502075,0.5652114152"
        "908325,0.12756864726543427,-0.4483630359172821]}}}}]}");
}

/* batch 2, hidden 2, biases and peepholes */
static void lstmCell_biases_and_peepholes(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstmCell_biases_and_peepholes','graph':{'inputs':{'x':{'descriptor':{'dataType':'"
        "float32','shape':[2,3]},'data':[-0.34375,0.96875,-0.359375,0.578125,0.734375,-0.21875]},'W':{'descri"
        "ptor':{'dataType':'float32','shape':[8,3]},'data':[-0.125,-0.25,-0.78125,-0.046875,-0.515625,-0.4843"
        "75,-0.625,-0.609375,0.625,-0.15625,-0.484375,0.1875,0.203125,0.296875,0.828125,-0.703125,-0.25,-0.43"
        "75,-0.96875,-0.640625,-0.203125,-0.21875,0.234375,-0.09375]},'R':{'descriptor':{'dataType':'float32'"
        ",'shape':[8,2]},'data':[0.21875,-0.546875,-0.734375,-0.34375,-0.8125,-0.265625,-0.078125,0.4375,0.73"
        "4375,-0.890625,0.90625,0.4375,0.984375,-0.765625,-0.25,0]},'h':{'descriptor':{'dataType':'float32','"
        "shape':[2,2]},'data':[0.5,-0.375,-0.09375,-0.453125]},'c':{'descriptor':{'dataType':'float32','shape"
        "':[2,2]},'data':[-0.109375,0.015625,0.125,0.40625]},'b':{'descriptor':{'dataType':'float32','shape':"
        "[8]},'data':[-0.515625,0.265625,-0.8125,0.21875,-0.078125,-0.734375,-0.484375,-0.875]},'rb':{'descri"
        "ptor':{'dataType':'float32','shape':[8]},'data':[-0.25,-0.1875,-0.015625,-0.859375,0.4375,-0.359375,"
        "-0.4375,0.78125]},'p':{'descriptor':{'dataType':'float32','shape':[6]},'data':[0.203125,0.3125,0.062"
        "5,-0.5625,-0.703125,-0.625]}},'operators':[{'name':'lstmCell','arguments':[{'input':'x'},{'weight':'"
        "W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'cellState':'c'},{'hiddenSize':2},{'options':{'bias"
        "':'b','recurrentBias':'rb','peepholeWeight':'p'}}],'outputs':['ho','co']}],'expectedOutputs':{'ho':{"
        "'descriptor':{'dataType':'float32','shape':[2,2]},'data':[-0.03219611197710037,0.010476657189428806,"
        "-0.0413198247551918,0.007213281467556953]},'co':{'descriptor':{'dataType':'float32','shape':[2,2]},'"
        "data':[-0.21939398348331451,0.050348300486803055,-0.24455960094928741,0.04112384095788002]}}}}]}");
}

/* the gates of lstmCell_biases_and_peepholes stored i, f, g, o; peepholes stay i, o, f */
static void lstmCell_ifgo_layout_matches_iofg(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstmCell_ifgo_layout_matches_iofg','graph':{'inputs':{'x':{'descriptor':{'dataTyp"
        "e':'float32','shape':[2,3]},'data':[-0.34375,0.96875,-0.359375,0.578125,0.734375,-0.21875]},'W':{'de"
        "scriptor':{'dataType':'float32','shape':[8,3]},'data':[-0.125,-0.25,-0.78125,-0.046875,-0.515625,-0."
        "484375,0.203125,0.296875,0.828125,-0.703125,-0.25,-0.4375,-0.96875,-0.640625,-0.203125,-0.21875,0.23"
        "4375,-0.09375,-0.625,-0.609375,0.625,-0.15625,-0.484375,0.1875]},'R':{'descriptor':{'dataType':'floa"
        "t32','shape':[8,2]},'data':[0.21875,-0.546875,-0.734375,-0.34375,0.734375,-0.890625,0.90625,0.4375,0"
        ".984375,-0.765625,-0.25,0,-0.8125,-0.265625,-0.078125,0.4375]},'h':{'descriptor':{'dataType':'float3"
        "2','shape':[2,2]},'data':[0.5,-0.375,-0.09375,-0.453125]},'c':{'descriptor':{'dataType':'float32','s"
        "hape':[2,2]},'data':[-0.109375,0.015625,0.125,0.40625]},'b':{'descriptor':{'dataType':'float32','sha"
        "pe':[8]},'data':[-0.515625,0.265625,-0.078125,-0.734375,-0.484375,-0.875,-0.8125,0.21875]},'rb':{'de"
        "scriptor':{'dataType':'float32','shape':[8]},'data':[-0.25,-0.1875,0.4375,-0.359375,-0.4375,0.78125,"
        "-0.015625,-0.859375]},'p':{'descriptor':{'dataType':'float32','shape':[6]},'data':[0.203125,0.3125,0"
        ".0625,-0.5625,-0.703125,-0.625]}},'operators':[{'name':'lstmCell','arguments':[{'input':'x'},{'weigh"
        "t':'W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'cellState':'c'},{'hiddenSize':2},{'options':{'"
        "bias':'b','recurrentBias':'rb','peepholeWeight':'p','layout':'ifgo'}}],'outputs':['ho','co']}],'expe"
        "ctedOutputs':{'ho':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[-0.03219611197710037,0"
        ".010476657189428806,-0.0413198247551918,0.007213281467556953]},'co':{'descriptor':{'dataType':'float"
        "32','shape':[2,2]},'data':[-0.21939398348331451,0.050348300486803055,-0.24455960094928741,0.04112384"
        "095788002]}}}}]}");
}

/* activations [tanh, sigmoid, relu] */
static void lstmCell_activations_tanh_sigmoid_relu(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstmCell_activations_tanh_sigmoid_relu','graph':{'inputs':{'x':{'descriptor':{'da"
        "taType':'float32','shape':[2,3]},'data':[-0.34375,0.96875,-0.359375,0.578125,0.734375,-0.21875]},'W'"
        ":{'descriptor':{'dataType':'float32','shape':[8,3]},'data':[-0.125,-0.25,-0.78125,-0.046875,-0.51562"
        "5,-0.484375,-0.625,-0.609375,0.625,-0.15625,-0.484375,0.1875,0.203125,0.296875,0.828125,-0.703125,-0"
        ".25,-0.4375,-0.96875,-0.640625,-0.203125,-0.21875,0.234375,-0.09375]},'R':{'descriptor':{'dataType':"
        "'float32','shape':[8,2]},'data':[0.21875,-0.546875,-0.734375,-0.34375,-0.8125,-0.265625,-0.078125,0."
        "4375,0.734375,-0.890625,0.90625,0.4375,0.984375,-0.765625,-0.25,0]},'h':{'descriptor':{'dataType':'f"
        "loat32','shape':[2,2]},'data':[0.5,-0.375,-0.09375,-0.453125]},'c':{'descriptor':{'dataType':'float3"
        "2','shape':[2,2]},'data':[-0.109375,0.015625,0.125,0.40625]},'b':{'descriptor':{'dataType':'float32'"
        ",'shape':[8]},'data':[-0.515625,0.265625,-0.8125,0.21875,-0.078125,-0.734375,-0.484375,-0.875]},'rb'"
        ":{'descriptor':{'dataType':'float32','shape':[8]},'data':[-0.25,-0.1875,-0.015625,-0.859375,0.4375,-"
        "0.359375,-0.4375,0.78125]},'p':{'descriptor':{'dataType':'float32','shape':[6]},'data':[0.203125,0.3"
        "125,0.0625,-0.5625,-0.703125,-0.625]}},'operators':[{'name':'lstmCell','arguments':[{'input':'x'},{'"
        "weight':'W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'cellState':'c'},{'hiddenSize':2},{'option"
        "s':{'bias':'b','recurrentBias':'rb','peepholeWeight':'p','activations':['tanh','sigmoid','relu']}}],"
        "'outputs':['ho','co']}],'expectedOutputs':{'ho':{'descriptor':{'dataType':'float32','shape':[2,2]},'"
        "data':['-0','-0','-0','-0']},'co':{'descriptor':{'dataType':'float32','shape':[2,2]},'data':[-0.2393"
        "5440182685852,-0.23862114548683167,-0.0058711799792945385,-0.33038413524627686]}}}}]}");
}

/* float16, each output rounded once */
static void lstmCell_float16(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstmCell_float16','graph':{'inputs':{'x':{'descriptor':{'dataType':'float16','sha"
        "pe':[2,3]},'data':[-0.34375,0.96875,-0.359375,0.578125,0.734375,-0.21875]},'W':{'descriptor':{'dataT"
        "ype':'float16','shape':[8,3]},'data':[-0.125,-0.25,-0.78125,-0.046875,-0.515625,-0.484375,-0.625,-0."
        "609375,0.625,-0.15625,-0.484375,0.1875,0.203125,0.296875,0.828125,-0.703125,-0.25,-0.4375,-0.96875,-"
        "0.640625,-0.203125,-0.21875,0.234375,-0.09375]},'R':{'descriptor':{'dataType':'float16','shape':[8,2"
        "]},'data':[0.21875,-0.546875,-0.734375,-0.34375,-0.8125,-0.265625,-0.078125,0.4375,0.734375,-0.89062"
        "5,0.90625,0.4375,0.984375,-0.765625,-0.25,0]},'h':{'descriptor':{'dataType':'float16','shape':[2,2]}"
        ",'data':[0.5,-0.375,-0.09375,-0.453125]},'c':{'descriptor':{'dataType':'float16','shape':[2,2]},'dat"
        "a':[-0.109375,0.015625,0.125,0.40625]},'b':{'descriptor':{'dataType':'float16','shape':[8]},'data':["
        "-0.515625,0.265625,-0.8125,0.21875,-0.078125,-0.734375,-0.484375,-0.875]},'rb':{'descriptor':{'dataT"
        "ype':'float16','shape':[8]},'data':[-0.25,-0.1875,-0.015625,-0.859375,0.4375,-0.359375,-0.4375,0.781"
        "25]},'p':{'descriptor':{'dataType':'float16','shape':[6]},'data':[0.203125,0.3125,0.0625,-0.5625,-0."
        "703125,-0.625]}},'operators':[{'name':'lstmCell','arguments':[{'input':'x'},{'weight':'W'},{'recurre"
        "ntWeight':'R'},{'hiddenState':'h'},{'cellState':'c'},{'hiddenSize':2},{'options':{'bias':'b','recurr"
        "entBias':'rb','peepholeWeight':'p'}}],'outputs':['ho','co']}],'expectedOutputs':{'ho':{'descriptor':"
        "{'dataType':'float16','shape':[2,2]},'data':[-0.032196044921875,0.01047515869140625,-0.0413208007812"
        "5,0.007213592529296875]},'co':{'descriptor':{'dataType':'float16','shape':[2,2]},'data':[-0.21936035"
        "15625,0.05035400390625,-0.2445068359375,0.0411376953125]}}}}]}");
}

/* relu everywhere: c' = 300 * 300 = 90000 > 65504 -> +Inf, h' = 1 * Inf */
static void lstmCell_float16_overflow_to_infinity(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstmCell_float16_overflow_to_infinity','graph':{'inputs':{'x':{'descriptor':{'dat"
        "aType':'float16','shape':[1,1]},'data':[300]},'W':{'descriptor':{'dataType':'float16','shape':[4,1]}"
        ",'data':[1,0.0033333333333333335,0,1]},'R':{'descriptor':{'dataType':'float16','shape':[4,1]},'data'"
        ":[0,0,0,0]},'h':{'descriptor':{'dataType':'float16','shape':[1,1]},'data':[0]},'c':{'descriptor':{'d"
        "ataType':'float16','shape':[1,1]},'data':[0]}},'operators':[{'name':'lstmCell','arguments':[{'input'"
        ":'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'cellState':'c'},{'hiddenSize':1},"
        "{'options':{'activations':['relu','relu','relu']}}],'outputs':['ho','co']}],'expectedOutputs':{'ho':"
        "{'descriptor':{'dataType':'float16','shape':[1,1]},'data':['Infinity']},'co':{'descriptor':{'dataTyp"
        "e':'float16','shape':[1,1]},'data':['Infinity']}}}}]}");
}

/* steps 3, forward, initial states, biases, peepholes */
static void lstm_forward_sequence_peepholes(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstm_forward_sequence_peepholes','graph':{'inputs':{'x':{'descriptor':{'dataType'"
        ":'float32','shape':[3,2,2]},'data':[1.125,0.421875,0.84375,-1.640625,0.515625,1.921875,-0.3125,-1.54"
        "6875,1.828125,0.703125,-1.21875,0.6875]},'W':{'descriptor':{'dataType':'float32','shape':[1,8,2]},'d"
        "ata':[0.984375,-0.578125,0.703125,0.390625,-0.5625,-0.625,0.90625,-0.3125,-0.125,0.3125,-0.125,-1,-0"
        ".484375,-0.0625,0.515625,0.21875]},'R':{'descriptor':{'dataType':'float32','shape':[1,8,2]},'data':["
        "-0.140625,-0.625,0.5625,-0.625,0.453125,'-0',0.109375,-0.234375,-0.59375,-0.65625,0.28125,-0.453125,"
        "-0.96875,-0.609375,0.84375,0.421875]},'bias':{'descriptor':{'dataType':'float32','shape':[1,8]},'dat"
        "a':[0.15625,-0.203125,0.640625,-0.46875,0.265625,-0.96875,0.296875,0.9375]},'recurrentBias':{'descri"
        "ptor':{'dataType':'float32','shape':[1,8]},'data':[0.421875,-0.84375,0.1875,-0.359375,0.84375,-0.968"
        "75,-0.96875,-0.8125]},'peepholeWeight':{'descriptor':{'dataType':'float32','shape':[1,6]},'data':[-0"
        ".328125,0.765625,0.125,0.328125,-0.90625,-0.65625]},'initialHiddenState':{'descriptor':{'dataType':'"
        "float32','shape':[1,2,2]},'data':[-0.234375,0.25,0.5,0.15625]},'initialCellState':{'descriptor':{'da"
        "taType':'float32','shape':[1,2,2]},'data':[-0.875,-1.28125,-0.3125,-0.96875]}},'operators':[{'name':"
        "'lstm','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':3},{'hiddenSize':2"
        "},{'options':{'bias':'bias','recurrentBias':'recurrentBias','peepholeWeight':'peepholeWeight','initi"
        "alHiddenState':'initialHiddenState','initialCellState':'initialCellState','returnSequence':true}}],'"
        "outputs':['h','c','seq']}],'expectedOutputs':{'h':{'descriptor':{'dataType':'float32','shape':[1,2,2"
        "]},'data':[-0.27068057656288147,0.29700586199760437,-0.2966645658016205,-0.009106004610657692]},'c':"
        "{'descriptor':{'dataType':'float32','shape':[1,2,2]},'data':[-2.4671273231506348,0.4901471436023712,"
        "-0.4606815576553345,-0.09751531481742859]},'seq':{'descriptor':{'dataType':'float32','shape':[3,1,2,"
        "2]},'data':[-0.38418158888816833,-0.02019631862640381,-0.635615348815918,-0.23161572217941284,-0.249"
        "86128509044647,0.05298864468932152,-0.4630054533481598,-0.0843558982014656,-0.27068057656288147,0.29"
        "700586199760437,-0.2966645658016205,-0.009106004610657692]}}}}]}");
}

/* backward: reads t = 2, 1, 0; seq[t] is the state after reading t */
static void lstm_backward_sequence_in_time_order(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstm_backward_sequence_in_time_order','graph':{'inputs':{'x':{'descriptor':{'data"
        "Type':'float32','shape':[3,1,2]},'data':[-0.53125,-1.203125,-1.640625,0.609375,-0.15625,1.953125]},'"
        "W':{'descriptor':{'dataType':'float32','shape':[1,8,2]},'data':[0.703125,0.671875,-0.890625,0.109375"
        ",0.21875,-0.90625,-0.046875,-0.34375,-0.5625,0.59375,-0.15625,-0.796875,-0.265625,0.828125,-0.21875,"
        "-0.625]},'R':{'descriptor':{'dataType':'float32','shape':[1,8,2]},'data':[-0.859375,0.03125,0.328125"
        ",-0.171875,0.703125,0.046875,0.59375,0.125,0.1875,-0.171875,-0.78125,0.40625,0.71875,0.453125,-0.156"
        "25,-0.828125]},'bias':{'descriptor':{'dataType':'float32','shape':[1,8]},'data':[-0.625,0.109375,0.3"
        "125,-0.953125,0.890625,0.421875,0.4375,0.96875]},'recurrentBias':{'descriptor':{'dataType':'float32'"
        ",'shape':[1,8]},'data':[0.234375,-0.015625,-0.546875,0.375,0.40625,0.90625,0.875,-0.015625]},'peepho"
        "leWeight':{'descriptor':{'dataType':'float32','shape':[1,6]},'data':[0.703125,0.921875,-0.171875,0.2"
        "1875,0.1875,-0.046875]},'initialHiddenState':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'d"
        "ata':[-0.0625,-0.5625]},'initialCellState':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'dat"
        "a':[-1.25,-0.765625]}},'operators':[{'name':'lstm','arguments':[{'input':'x'},{'weight':'W'},{'recur"
        "rentWeight':'R'},{'steps':3},{'hiddenSize':2},{'options':{'bias':'bias','recurrentBias':'recurrentBi"
        "as','peepholeWeight':'peepholeWeight','initialHiddenState':'initialHiddenState','initialCellState':'"
        "initialCellState','returnSequence':true,'direction':'backward'}}],'outputs':['h','c','seq']}],'expec"
        "tedOutputs':{'h':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'data':[-0.15667122602462769,0"
        ".37490522861480713]},'c':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'data':[-0.23506939411"
        "16333,1.0557823181152344]},'seq':{'descriptor':{'dataType':'float32','shape':[3,1,1,2]},'data':[-0.1"
        "5667122602462769,0.37490522861480713,-0.10277847200632095,0.12881974875926971,-0.07546590268611908,-"
        "0.037058234214782715]}}}}]}");
}

/* 'both': direction 1 runs backward; stacked on the numDirections axis */
static void lstm_both_directions(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstm_both_directions','graph':{'inputs':{'x':{'descriptor':{'dataType':'float32',"
        "'shape':[2,2,1]},'data':[0.78125,0.5625,-1.484375,-1.546875]},'W':{'descriptor':{'dataType':'float32"
        "','shape':[2,8,1]},'data':[0.3125,0.703125,-0.59375,-0.5625,0.4375,-0.0625,-0.171875,-0.296875,-0.87"
        "5,-0.09375,-0.390625,-0.21875,0.078125,0.359375,0.25,0.484375]},'R':{'descriptor':{'dataType':'float"
        "32','shape':[2,8,2]},'data':[-0.96875,0.3125,0.078125,0.703125,0.875,-0.96875,0.65625,-0.5,0.25,0.53"
        "125,0.6875,0.875,0.265625,0.71875,'-0',-0.53125,-0.6875,'-0',0.484375,-0.09375,0.359375,-0.75,0.9375"
        ",-0.046875,0.65625,0.453125,0.5625,-0.234375,-0.78125,-0.09375,-0.34375,-0.203125]},'bias':{'descrip"
        "tor':{'dataType':'float32','shape':[2,8]},'data':[0.984375,-0.375,0.5625,-0.671875,0.1875,-0.3125,-0"
        ".515625,-0.21875,0.875,0.15625,0.03125,0.609375,0,-0.78125,-0.734375,0.4375]},'recurrentBias':{'desc"
        "riptor':{'dataType':'float32','shape':[2,8]},'data':[-0.0625,-0.578125,0.9375,-0.453125,0.5625,-0.35"
        "9375,0.5,0.0625,-0.921875,0.421875,-0.421875,-0.125,0.421875,0.984375,-0.109375,0.34375]},'peepholeW"
        "eight':{'descriptor':{'dataType':'float32','shape':[2,6]},'data':[-0.03125,0.328125,-0.6875,0.984375"
        ",-0.71875,0.328125,-0.875,-0.828125,0.75,0.5,-0.8125,-0.4375]},'initialHiddenState':{'descriptor':{'"
        "dataType':'float32','shape':[2,2,2]},'data':[-0.859375,0.875,0.6875,0.546875,0.390625,0.34375,-0.937"
        "5,-0.890625]},'initialCellState':{'descriptor':{'dataType':'float32','shape':[2,2,2]},'data':[-0.796"
        "875,0.3125,1.3125,-0.234375,-1,0.53125,1.8125,-0.0625]}},'operators':[{'name':'lstm','arguments':[{'"
        "input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':2},{'hiddenSize':2},{'options':{'bias':'"
        "bias','recurrentBias':'recurrentBias','peepholeWeight':'peepholeWeight','initialHiddenState':'initia"
        "lHiddenState','initialCellState':'initialCellState','returnSequence':true,'direction':'both'}}],'out"
        "puts':['h','c','seq']}],'expectedOutputs':{'h':{'descriptor':{'dataType':'float32','shape':[2,2,2]},"
        "'data':[-0.15722620487213135,-0.016600042581558228,0.43610450625419617,-0.048570115119218826,-0.1017"
        "0716047286987,0.25789621472358704,-0.08089035004377365,0.3249126672744751]},'c':{'descriptor':{'data"
        "Type':'float32','shape':[2,2,2]},'data':[-0.17129959166049957,-0.04951315000653267,0.532973468303680"
        "4,-0.11357754468917847,-1.6284080743789673,0.5440571308135986,-0.2595164179801941,0.5927404165267944"
        "]},'seq':{'descriptor':{'dataType':'float32','shape':[2,2,2,2]},'data':[-0.21792364120483398,-0.0246"
        "5575933456421,0.46618542075157166,-0.06545135378837585,-0.10170716047286987,0.25789621472358704,-0.0"
        "8089035004377365,0.3249126672744751,-0.15722620487213135,-0.016600042581558228,0.43610450625419617,-"
        "0.048570115119218826,-0.31093454360961914,0.09998564422130585,-0.04281585291028023,0.129680842161178"
        "6]}}}}]}");
}

/* no options: zero initial states, two outputs */
static void lstm_defaults_two_outputs(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstm_defaults_two_outputs','graph':{'inputs':{'x':{'descriptor':{'dataType':'floa"
        "t32','shape':[2,1,3]},'data':[-0.671875,-0.375,0.296875,0.03125,0.25,0.28125]},'W':{'descriptor':{'d"
        "ataType':'float32','shape':[1,8,3]},'data':[0.75,-0.828125,0.484375,0.640625,0.421875,-0.1875,0.8906"
        "25,-0.9375,0.609375,0.203125,-0.921875,-0.328125,-0.25,-0.640625,0.28125,-0.125,0.4375,-0.25,-0.8906"
        "25,0.4375,0.46875,-0.828125,-0.0625,-0.09375]},'R':{'descriptor':{'dataType':'float32','shape':[1,8,"
        "2]},'data':[0.828125,0.203125,-0.390625,0.765625,-0.359375,0.453125,-0.625,-0.5625,-0.703125,0.64062"
        "5,-0.609375,-0.46875,-0.59375,0.609375,0,-0.578125]}},'operators':[{'name':'lstm','arguments':[{'inp"
        "ut':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':2},{'hiddenSize':2}],'outputs':['h','c']}],"
        "'expectedOutputs':{'h':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'data':[0.10618891566991"
        "806,0.007962302304804325]},'c':{'descriptor':{'dataType':'float32','shape':[1,1,2]},'data':[0.219877"
        "80928611755,0.020352523773908615]}}}}]}");
}

/* ifgo layout, activations [sigmoid, relu, tanh] */
static void lstm_ifgo_relu_activations(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstm_ifgo_relu_activations','graph':{'inputs':{'x':{'descriptor':{'dataType':'flo"
        "at32','shape':[2,2,2]},'data':[-1.359375,-2,-1.140625,-0.53125,-1.984375,-1.234375,1.96875,1.140625]"
        "},'W':{'descriptor':{'dataType':'float32','shape':[1,4,2]},'data':[-0.75,-0.546875,-0.296875,0.57812"
        "5,-0.703125,0.078125,0.53125,0.828125]},'R':{'descriptor':{'dataType':'float32','shape':[1,4,1]},'da"
        "ta':[0.1875,-0.4375,-0.171875,0.578125]},'bias':{'descriptor':{'dataType':'float32','shape':[1,4]},'"
        "data':[-0.25,0.359375,0.109375,-0.71875]},'recurrentBias':{'descriptor':{'dataType':'float32','shape"
        "':[1,4]},'data':[0.015625,0.203125,-0.859375,0.25]},'peepholeWeight':{'descriptor':{'dataType':'floa"
        "t32','shape':[1,3]},'data':[-0.40625,-0.1875,-0.625]},'initialHiddenState':{'descriptor':{'dataType'"
        ":'float32','shape':[1,2,1]},'data':[0.4375,0.34375]},'initialCellState':{'descriptor':{'dataType':'f"
        "loat32','shape':[1,2,1]},'data':[1.0625,-1.9375]}},'operators':[{'name':'lstm','arguments':[{'input'"
        ":'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':2},{'hiddenSize':1},{'options':{'bias':'bias',"
        "'recurrentBias':'recurrentBias','peepholeWeight':'peepholeWeight','initialHiddenState':'initialHidde"
        "nState','initialCellState':'initialCellState','returnSequence':true,'layout':'ifgo','activations':['"
        "sigmoid','relu','tanh']}}],'outputs':['h','c','seq']}],'expectedOutputs':{'h':{'descriptor':{'dataTy"
        "pe':'float32','shape':[1,2,1]},'data':[0.03881831839680672,-0.7440088987350464]},'c':{'descriptor':{"
        "'dataType':'float32','shape':[1,2,1]},'data':[0.6258932948112488,-1.3891509771347046]},'seq':{'descr"
        "iptor':{'dataType':'float32','shape':[2,1,2,1]},'data':[0.015543876215815544,-0.25763610005378723,0."
        "03881831839680672,-0.7440088987350464]}}}}]}");
}

/* float16: both states are rounded to float16 after every step (without that rounding the last states differ) */
static void lstm_float16_rounds_states_each_step(void **state)
{
    (void)state;
    wt_check_case(
        "{'tests':[{'name':'lstm_float16_rounds_states_each_step','graph':{'inputs':{'x':{'descriptor':{'data"
        "Type':'float16','shape':[3,2,2]},'data':[-0.03125,-1.0625,-1.734375,0.84375,1.25,0.1875,0.53125,-1.3"
        "28125,0.21875,-1.296875,0.03125,-0.625]},'W':{'descriptor':{'dataType':'float16','shape':[1,8,2]},'d"
        "ata':[0.921875,0.046875,-0.59375,-0.484375,0.09375,0.703125,-0.328125,0.8125,-0.515625,0.828125,0.45"
        "3125,0.859375,0.90625,-0.6875,0.40625,-0.515625]},'R':{'descriptor':{'dataType':'float16','shape':[1"
        ",8,2]},'data':[0.234375,-0.484375,-0.078125,-0.21875,-0.875,0.25,0.359375,0.765625,0.421875,-0.625,0"
        ".234375,-0.0625,-0.4375,-0.78125,-0.875,0.578125]},'bias':{'descriptor':{'dataType':'float16','shape"
        "':[1,8]},'data':[-0.390625,-0.453125,0.546875,0.40625,-0.53125,0.484375,0.359375,-0.03125]},'recurre"
        "ntBias':{'descriptor':{'dataType':'float16','shape':[1,8]},'data':[0.125,0.859375,0.1875,1,0.234375,"
        "0.015625,-0.484375,0.03125]},'peepholeWeight':{'descriptor':{'dataType':'float16','shape':[1,6]},'da"
        "ta':[0.671875,-1,-0.5625,0.9375,-0.109375,0.734375]},'initialHiddenState':{'descriptor':{'dataType':"
        "'float16','shape':[1,2,2]},'data':[-0.28125,0.46875,0.390625,-0.59375]},'initialCellState':{'descrip"
        "tor':{'dataType':'float16','shape':[1,2,2]},'data':[-1.671875,-1.046875,-0.03125,1.328125]}},'operat"
        "ors':[{'name':'lstm','arguments':[{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':3},{"
        "'hiddenSize':2},{'options':{'bias':'bias','recurrentBias':'recurrentBias','peepholeWeight':'peephole"
        "Weight','initialHiddenState':'initialHiddenState','initialCellState':'initialCellState','returnSeque"
        "nce':true}}],'outputs':['h','c','seq']}],'expectedOutputs':{'h':{'descriptor':{'dataType':'float16',"
        "'shape':[1,2,2]},'data':[0.1077880859375,0.42724609375,0.01064300537109375,0.52685546875]},'c':{'des"
        "criptor':{'dataType':'float16','shape':[1,2,2]},'data':[0.290771484375,0.62451171875,0.0200042724609"
        "375,0.68701171875]},'seq':{'descriptor':{'dataType':'float16','shape':[3,1,2,2]},'data':[-0.21850585"
        "9375,0.195068359375,-0.1363525390625,0.5673828125,0.269775390625,0.4189453125,0.152587890625,0.49023"
        "4375,0.1077880859375,0.42724609375,0.01064300537109375,0.52685546875]}}}}]}");
}


/* ------------------------------------------------------------- rejection tests ---- */

/* "x:2,3;W:6,3" -> "'x':{'descriptor':{'dataType':'float32','shape':[2,3]}},..."; a third
 * field overrides the data type ("h:2,2:float16"). */
static void declare_inputs(const char *spec, char *out, size_t cap)
{
    char copy[512], *save = NULL;
    size_t used = 0;
    snprintf(copy, sizeof copy, "%s", spec);
    out[0] = '\0';
    for (char *item = strtok_r(copy, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
        char *name = item, *shape = strchr(item, ':'), *dtype = NULL;
        *shape++ = '\0';
        if ((dtype = strchr(shape, ':'))) *dtype++ = '\0';
        used += (size_t)snprintf(out + used, cap - used, "%s'%s':{'descriptor':{'dataType':'%s','shape':[%s]}}",
                                 used ? "," : "", name, dtype ? dtype : "float32", shape);
    }
}

/* Builds op(args) over the declared inputs and expects a TypeError whose message holds
 * `needle` (NULL: any TypeError, for the generic type/rank/enum checks). */
static void expect_type_error(const char *op, const char *inputs, const char *args, const char *needle)
{
    char decl[2048], json[4096];
    wt_run r;
    declare_inputs(inputs, decl, sizeof decl);
    snprintf(json, sizeof json,
             "{'tests':[{'name':'bad','graph':{'inputs':{%s},'operators':[{'name':'%s','arguments':[%s],"
             "'outputs':'out'}]},'expectedError':'TypeError'}]}",
             decl, op, args);
    int rc = wt_run_json(json, &r);
    if (rc == 0 || r.err.kind != WN_TYPE_ERROR || (needle && !strstr(r.err.message, needle))) {
        print_error("expected a TypeError containing \"%s\", got %s: %s\n", needle ? needle : "",
                    rc == 0 ? "success" : wn_error_kind_name(r.err.kind), r.err.message);
        wt_run_free(&r);
        fail();
    }
    wt_run_free(&r);
}

#define GRU_CELL_ARGS(hidden) \
    "{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'hiddenSize':" #hidden "}"
#define GRU_CELL_OK "x:2,3;W:6,3;R:6,2;h:2,2"

static void gruCell_accepts_the_base_graph(void **state)
{
    (void)state; /* the rejection tests below change one thing of this graph */
    wt_run r;
    char decl[512], json[2048];
    declare_inputs(GRU_CELL_OK, decl, sizeof decl);
    snprintf(json, sizeof json, "{'tests':[{'name':'ok','graph':{'inputs':{%s},'operators':[{'name':'gruCell',"
             "'arguments':[" GRU_CELL_ARGS(2) "],'outputs':'out'}]},'expectedError':'TypeError'}]}", decl);
    assert_int_equal(wt_run_json(json, &r), 0);
    assert_int_equal(r.outputs[0].desc.rank, 2);
    assert_int_equal(r.outputs[0].desc.dims[0], 2);
    assert_int_equal(r.outputs[0].desc.dims[1], 2);
    wt_run_free(&r);
}

static void gruCell_rejects_bad_shapes(void **state)
{
    (void)state;
    expect_type_error("gruCell", "x:2,3;W:5,3;R:6,2;h:2,2", GRU_CELL_ARGS(2), "weight has shape");
    expect_type_error("gruCell", "x:2,3;W:6,4;R:6,2;h:2,2", GRU_CELL_ARGS(2), "weight has shape");
    expect_type_error("gruCell", GRU_CELL_OK, GRU_CELL_ARGS(3), "weight has shape"); /* 3 * 3 != 6 */
    expect_type_error("gruCell", "x:2,3;W:6,3;R:6,3;h:2,2", GRU_CELL_ARGS(2), "recurrentWeight has shape");
    expect_type_error("gruCell", "x:2,3;W:6,3;R:6,2;h:1,2", GRU_CELL_ARGS(2), "hiddenState has shape");
    expect_type_error("gruCell", "x:2,3;W:6,3;R:6,2;h:2,3", GRU_CELL_ARGS(2), "hiddenState has shape");
    expect_type_error("gruCell", GRU_CELL_OK ";b:5", GRU_CELL_ARGS(2) ",{'options':{'bias':'b'}}", "bias has shape");
    expect_type_error("gruCell", GRU_CELL_OK ";b:7", GRU_CELL_ARGS(2) ",{'options':{'recurrentBias':'b'}}",
                      "recurrentBias has shape");
}

static void gruCell_rejects_wrong_activation_counts(void **state)
{
    (void)state;
    expect_type_error("gruCell", GRU_CELL_OK, GRU_CELL_ARGS(2) ",{'options':{'activations':['sigmoid']}}",
                      "activations has 1 functions, it needs 2");
    expect_type_error("gruCell", GRU_CELL_OK,
                      GRU_CELL_ARGS(2) ",{'options':{'activations':['sigmoid','tanh','tanh']}}",
                      "activations has 3 functions, it needs 2");
    expect_type_error("gruCell", GRU_CELL_OK, GRU_CELL_ARGS(2) ",{'options':{'activations':[]}}",
                      "activations has 0 functions, it needs 2");
}

static void gruCell_rejects_types_ranks_and_enums(void **state)
{
    (void)state; /* the generic checks from the tensor-limits table and the IDL enums */
    expect_type_error("gruCell", "x:2,3;W:6,3;R:6,2;h:2,2:float16", GRU_CELL_ARGS(2), NULL);
    expect_type_error("gruCell", "x:2,3:int32;W:6,3:int32;R:6,2:int32;h:2,2:int32", GRU_CELL_ARGS(2), NULL);
    expect_type_error("gruCell", GRU_CELL_OK ";b:1,6", GRU_CELL_ARGS(2) ",{'options':{'bias':'b'}}", NULL);
    expect_type_error("gruCell", "x:1,2,3;W:6,3;R:6,2;h:2,2", GRU_CELL_ARGS(2), NULL);
    expect_type_error("gruCell", GRU_CELL_OK, GRU_CELL_ARGS(2) ",{'options':{'activations':['sigmoid','gelu']}}",
                      NULL);
    expect_type_error("gruCell", GRU_CELL_OK, GRU_CELL_ARGS(2) ",{'options':{'layout':'nzr'}}", NULL);
}

#define GRU_ARGS(steps, hidden) \
    "{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':" #steps "},{'hiddenSize':" #hidden "}"
#define GRU_OK "x:3,2,4;W:1,6,4;R:1,6,2"

static void gru_rejects_steps_not_matching_input(void **state)
{
    (void)state;
    expect_type_error("gru", GRU_OK, GRU_ARGS(2, 2), "input.shape[0] is 3, steps is 2");
    /* no explicit steps == 0 rule in gru (lstm has one); shape[0] >= 1 rejects it anyway */
    expect_type_error("gru", GRU_OK, GRU_ARGS(0, 2), "input.shape[0] is 3, steps is 0");
}

static void gru_rejects_bad_shapes(void **state)
{
    (void)state;
    expect_type_error("gru", "x:3,2,4;W:1,6,3;R:1,6,2", GRU_ARGS(3, 2), "weight has shape");
    expect_type_error("gru", "x:3,2,4;W:1,6,4;R:1,6,3", GRU_ARGS(3, 2), "recurrentWeight has shape");
    /* 'both' needs numDirections = 2 in every direction-indexed operand */
    expect_type_error("gru", GRU_OK, GRU_ARGS(3, 2) ",{'options':{'direction':'both'}}", "weight has shape");
    expect_type_error("gru", "x:3,2,4;W:2,6,4;R:1,6,2", GRU_ARGS(3, 2) ",{'options':{'direction':'both'}}",
                      "recurrentWeight has shape");
    expect_type_error("gru", GRU_OK ";b:1,5", GRU_ARGS(3, 2) ",{'options':{'bias':'b'}}", "bias has shape");
    expect_type_error("gru", GRU_OK ";b:2,6", GRU_ARGS(3, 2) ",{'options':{'recurrentBias':'b'}}",
                      "recurrentBias has shape");
    expect_type_error("gru", GRU_OK ";h0:1,3,2", GRU_ARGS(3, 2) ",{'options':{'initialHiddenState':'h0'}}",
                      "initialHiddenState has shape");
    expect_type_error("gru", GRU_OK ";h0:1,2,2:float16", GRU_ARGS(3, 2) ",{'options':{'initialHiddenState':'h0'}}",
                      NULL);
    expect_type_error("gru", "x:3,2;W:1,6,4;R:1,6,2", GRU_ARGS(3, 2), NULL);
}

static void gru_rejects_wrong_activation_counts(void **state)
{
    (void)state;
    expect_type_error("gru", GRU_OK, GRU_ARGS(3, 2) ",{'options':{'activations':['relu','relu','relu']}}",
                      "activations has 3 functions, it needs 2");
    expect_type_error("gru", GRU_OK, GRU_ARGS(3, 2) ",{'options':{'direction':'sideways'}}", NULL);
}

#define LSTM_CELL_ARGS(hidden)                                                                          \
    "{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'hiddenState':'h'},{'cellState':'c'},"      \
    "{'hiddenSize':" #hidden "}"
#define LSTM_CELL_OK "x:2,3;W:8,3;R:8,2;h:2,2;c:2,2"

static void lstmCell_rejects_bad_shapes(void **state)
{
    (void)state;
    expect_type_error("lstmCell", "x:2,3;W:6,3;R:8,2;h:2,2;c:2,2", LSTM_CELL_ARGS(2), "weight has shape");
    expect_type_error("lstmCell", "x:2,3;W:8,2;R:8,2;h:2,2;c:2,2", LSTM_CELL_ARGS(2), "weight has shape");
    expect_type_error("lstmCell", "x:2,3;W:8,3;R:8,3;h:2,2;c:2,2", LSTM_CELL_ARGS(2), "recurrentWeight has shape");
    expect_type_error("lstmCell", "x:2,3;W:8,3;R:8,2;h:2,1;c:2,2", LSTM_CELL_ARGS(2), "hiddenState has shape");
    expect_type_error("lstmCell", "x:2,3;W:8,3;R:8,2;h:2,2;c:1,2", LSTM_CELL_ARGS(2), "cellState has shape");
    expect_type_error("lstmCell", LSTM_CELL_OK ";b:6", LSTM_CELL_ARGS(2) ",{'options':{'bias':'b'}}",
                      "bias has shape");
    expect_type_error("lstmCell", LSTM_CELL_OK ";b:6", LSTM_CELL_ARGS(2) ",{'options':{'recurrentBias':'b'}}",
                      "recurrentBias has shape");
    /* peepholes are 3 * hiddenSize (i, o, f), not 4 * hiddenSize */
    expect_type_error("lstmCell", LSTM_CELL_OK ";p:8", LSTM_CELL_ARGS(2) ",{'options':{'peepholeWeight':'p'}}",
                      "peepholeWeight has shape");
}

static void lstmCell_rejects_activations_types_and_ranks(void **state)
{
    (void)state;
    expect_type_error("lstmCell", LSTM_CELL_OK, LSTM_CELL_ARGS(2) ",{'options':{'activations':['sigmoid','tanh']}}",
                      "activations has 2 functions, it needs 3");
    expect_type_error("lstmCell", "x:2,3;W:8,3;R:8,2;h:2,2;c:2,2:float16", LSTM_CELL_ARGS(2), NULL);
    expect_type_error("lstmCell", LSTM_CELL_OK ";p:1,6", LSTM_CELL_ARGS(2) ",{'options':{'peepholeWeight':'p'}}",
                      NULL);
    expect_type_error("lstmCell", LSTM_CELL_OK, LSTM_CELL_ARGS(2) ",{'options':{'layout':'iofx'}}", NULL);
}

#define LSTM_ARGS(steps, hidden) \
    "{'input':'x'},{'weight':'W'},{'recurrentWeight':'R'},{'steps':" #steps "},{'hiddenSize':" #hidden "}"
#define LSTM_OK "x:2,1,3;W:1,8,3;R:1,8,2"

static void lstm_rejects_zero_or_mismatched_steps(void **state)
{
    (void)state;
    expect_type_error("lstm", LSTM_OK, LSTM_ARGS(0, 2), "steps is 0");
    expect_type_error("lstm", LSTM_OK, LSTM_ARGS(3, 2), "input.shape[0] is 2, steps is 3");
}

static void lstm_rejects_bad_shapes(void **state)
{
    (void)state;
    expect_type_error("lstm", "x:2,1,3;W:1,8,2;R:1,8,2", LSTM_ARGS(2, 2), "weight has shape");
    expect_type_error("lstm", "x:2,1,3;W:1,8,3;R:1,6,2", LSTM_ARGS(2, 2), "recurrentWeight has shape");
    expect_type_error("lstm", LSTM_OK, LSTM_ARGS(2, 2) ",{'options':{'direction':'both'}}", "weight has shape");
    expect_type_error("lstm", LSTM_OK ";b:1,6", LSTM_ARGS(2, 2) ",{'options':{'bias':'b'}}", "bias has shape");
    expect_type_error("lstm", LSTM_OK ";b:1,6", LSTM_ARGS(2, 2) ",{'options':{'recurrentBias':'b'}}",
                      "recurrentBias has shape");
    expect_type_error("lstm", LSTM_OK ";p:2,6", LSTM_ARGS(2, 2) ",{'options':{'peepholeWeight':'p'}}",
                      "peepholeWeight has shape");
    expect_type_error("lstm", LSTM_OK ";s:1,2,2", LSTM_ARGS(2, 2) ",{'options':{'initialHiddenState':'s'}}",
                      "initialHiddenState has shape");
    expect_type_error("lstm", LSTM_OK ";s:1,1,3", LSTM_ARGS(2, 2) ",{'options':{'initialCellState':'s'}}",
                      "initialCellState has shape");
    expect_type_error("lstm", LSTM_OK ";s:1,1,2:float16", LSTM_ARGS(2, 2) ",{'options':{'initialCellState':'s'}}",
                      NULL);
}

static void lstm_rejects_wrong_activation_counts(void **state)
{
    (void)state;
    expect_type_error("lstm", LSTM_OK, LSTM_ARGS(2, 2) ",{'options':{'activations':['sigmoid','tanh','tanh','tanh']}}",
                      "activations has 4 functions, it needs 3");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gruCell_relu_hand_checked_reset_after),
        cmocka_unit_test(gruCell_relu_hand_checked_reset_before),
        cmocka_unit_test(gruCell_default_options_no_bias),
        cmocka_unit_test(gruCell_biases_reset_after),
        cmocka_unit_test(gruCell_biases_reset_before),
        cmocka_unit_test(gruCell_rzn_layout_matches_zrn),
        cmocka_unit_test(gruCell_activations_tanh_relu),
        cmocka_unit_test(gruCell_float16),
        cmocka_unit_test(gruCell_infinity_saturates_and_nan_propagates),
        cmocka_unit_test(gru_forward_sequence),
        cmocka_unit_test(gru_backward_sequence_in_time_order),
        cmocka_unit_test(gru_both_directions),
        cmocka_unit_test(gru_defaults_single_output),
        cmocka_unit_test(gru_rzn_reset_before_relu),
        cmocka_unit_test(gru_float16_rounds_state_each_step),
        cmocka_unit_test(lstmCell_relu_hand_checked),
        cmocka_unit_test(lstmCell_peephole_output_gate_uses_previous_cell),
        cmocka_unit_test(lstmCell_defaults_no_bias_no_peephole),
        cmocka_unit_test(lstmCell_biases_and_peepholes),
        cmocka_unit_test(lstmCell_ifgo_layout_matches_iofg),
        cmocka_unit_test(lstmCell_activations_tanh_sigmoid_relu),
        cmocka_unit_test(lstmCell_float16),
        cmocka_unit_test(lstmCell_float16_overflow_to_infinity),
        cmocka_unit_test(lstm_forward_sequence_peepholes),
        cmocka_unit_test(lstm_backward_sequence_in_time_order),
        cmocka_unit_test(lstm_both_directions),
        cmocka_unit_test(lstm_defaults_two_outputs),
        cmocka_unit_test(lstm_ifgo_relu_activations),
        cmocka_unit_test(lstm_float16_rounds_states_each_step),
        cmocka_unit_test(gruCell_accepts_the_base_graph),
        cmocka_unit_test(gruCell_rejects_bad_shapes),
        cmocka_unit_test(gruCell_rejects_wrong_activation_counts),
        cmocka_unit_test(gruCell_rejects_types_ranks_and_enums),
        cmocka_unit_test(gru_rejects_steps_not_matching_input),
        cmocka_unit_test(gru_rejects_bad_shapes),
        cmocka_unit_test(gru_rejects_wrong_activation_counts),
        cmocka_unit_test(lstmCell_rejects_bad_shapes),
        cmocka_unit_test(lstmCell_rejects_activations_types_and_ranks),
        cmocka_unit_test(lstm_rejects_zero_or_mismatched_steps),
        cmocka_unit_test(lstm_rejects_bad_shapes),
        cmocka_unit_test(lstm_rejects_wrong_activation_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
