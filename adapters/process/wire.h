/* The process adapter's wire: the child process (started through /bin/sh -c "exec COMMAND",
 * stdin/stdout as pipes) and the frames of adapters/PROCESS.md on those pipes. A failure is
 * classified: the child died or closed its stdout (WIRE_LOST), or it sent something that is not
 * a frame of this protocol (WIRE_GARBAGE); either way the child is killed and reaped, and the
 * message says what happened and which bytes were wrong. */
#ifndef PROCESS_WIRE_H
#define PROCESS_WIRE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define WIRE_MAGIC "WNNP"
#define WIRE_PREFIX_BYTES 16
#define WIRE_MAX_HEADER (16u << 20) /* a JSON header above 16 MiB is garbage */

typedef enum wire_status { WIRE_OK = 0, WIRE_LOST = 1, WIRE_GARBAGE = 2, WIRE_NOMEM = 3 } wire_status;

typedef struct wire {
    pid_t pid;      /* 0: no child */
    int to_child;   /* the child's stdin */
    int from_child; /* the child's stdout */
} wire;

/* A received frame: the header's bytes (NUL-terminated) and the body. */
typedef struct wire_frame {
    char *header;
    size_t header_len;
    unsigned char *body;
    uint64_t body_len;
} wire_frame;

/* Starts the command; the child dies with its parent (PR_SET_PDEATHSIG). */
int wire_start(wire *w, const char *command, char *msg, size_t cap);
/* Closes stdin, gives the child grace_ms to exit, then SIGKILL; always reaps. */
void wire_stop(wire *w, int grace_ms);

/* Sends one frame (header bytes + body pieces). */
wire_status wire_send(wire *w, const char *header, size_t header_len, const void *const *pieces,
                      const size_t *piece_len, size_t n_pieces, const char *what, char *msg, size_t cap);
/* Receives one frame whose body may have at most max_body bytes. */
wire_status wire_recv(wire *w, uint64_t max_body, wire_frame *f, const char *what, char *msg, size_t cap);
void wire_frame_free(wire_frame *f);

/* "7b 22 74 79 ("{"ty")": up to n bytes in hex with their printable form. */
void wire_hex(const void *bytes, size_t n, char *out, size_t cap);

/* After a WIRE_GARBAGE from parsing the header: kill the child (the stream is out of step). */
void wire_kill(wire *w);

#endif
