/**
 * Pieces that several header texts share: a typedef that more than one header may define (with
 * glibc's guard macro, so that it is defined once whatever the order of the #includes) and NULL.
 */

/** `typedef <type> <name>;`, guarded by `__<name>_defined` as glibc does. */
export function typedefOnce(name: string, type: string): string {
  return `#ifndef __${name}_defined
#define __${name}_defined
typedef ${type} ${name};
#endif
`;
}

export const NULL_DEFINITION = `#ifndef NULL
#define NULL ((void *)0)
#endif
`;

export const SIZE_T = typedefOnce('size_t', 'unsigned long');
export const SSIZE_T = typedefOnce('ssize_t', 'long');
export const PID_T = typedefOnce('pid_t', 'int');
export const UID_T = typedefOnce('uid_t', 'unsigned int');
export const GID_T = typedefOnce('gid_t', 'unsigned int');
export const OFF_T = typedefOnce('off_t', 'long');
export const MODE_T = typedefOnce('mode_t', 'unsigned int');
export const TIME_T = typedefOnce('time_t', 'long');
export const CLOCK_T = typedefOnce('clock_t', 'long');
export const USECONDS_T = typedefOnce('useconds_t', 'unsigned int');
export const INTPTR_T = typedefOnce('intptr_t', 'long');

/** Wraps a header's text in its include guard. */
export function guarded(guard: string, text: string): string {
  return `#ifndef ${guard}\n#define ${guard} 1\n${text}\n#endif /* ${guard} */\n`;
}

/** The file permission bits, which <sys/stat.h> and <fcntl.h> both define (as glibc's do). */
export const PERMISSION_BITS = `#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 070
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IXGRP 010
#define S_IRWXO 07
#define S_IROTH 04
#define S_IWOTH 02
#define S_IXOTH 01`;
