/**
 * stdio.h. The FILE layout is shared with the VM's native stdio (vm/libc): do not change it.
 */
import { guarded, NULL_DEFINITION, OFF_T, SIZE_T, SSIZE_T } from './common.ts';

const STDIO_H = guarded('_STDIO_H', `
${SIZE_T}${SSIZE_T}${OFF_T}${NULL_DEFINITION}
#include <bits/va_list.h>
/* The lab's FILE: 32 bytes, read by the VM's native stdio. */
struct _IO_FILE {
  int _fd;       /* 0  */
  int _flags;    /* 4  */
  int _mode;     /* 8  : -1 undecided, _IOFBF 0, _IOLBF 1, _IONBF 2 */
  int _pos;      /* 12 : bytes waiting in the buffer (output) */
  int _size;     /* 16 : buffer capacity */
  int _rpos;     /* 20 : next byte to read (input) */
  char *_buf;    /* 24 */
};
typedef struct _IO_FILE FILE;

#define EOF (-1)
#define BUFSIZ 8192
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define FILENAME_MAX 4096

extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
#define stdin stdin
#define stdout stdout
#define stderr stderr

int printf(const char *__format, ...);
int fprintf(FILE *__stream, const char *__format, ...);
int sprintf(char *__s, const char *__format, ...);
int snprintf(char *__s, size_t __maxlen, const char *__format, ...);
int dprintf(int __fd, const char *__format, ...);
int vprintf(const char *__format, __gnuc_va_list __arg);
int vfprintf(FILE *__s, const char *__format, __gnuc_va_list __arg);
int vsprintf(char *__s, const char *__format, __gnuc_va_list __arg);
int vsnprintf(char *__s, size_t __maxlen, const char *__format, __gnuc_va_list __arg);
int vdprintf(int __fd, const char *__format, __gnuc_va_list __arg);

int scanf(const char *__format, ...);
int fscanf(FILE *__stream, const char *__format, ...);
int sscanf(const char *__s, const char *__format, ...);
int vscanf(const char *__format, __gnuc_va_list __arg);
int vfscanf(FILE *__s, const char *__format, __gnuc_va_list __arg);
int vsscanf(const char *__s, const char *__format, __gnuc_va_list __arg);

int puts(const char *__s);
int putchar(int __c);
int fputs(const char *__s, FILE *__stream);
int fputc(int __c, FILE *__stream);
int putc(int __c, FILE *__stream);
size_t fwrite(const void *__ptr, size_t __size, size_t __n, FILE *__stream);

int getchar(void);
int fgetc(FILE *__stream);
int getc(FILE *__stream);
char *fgets(char *__s, int __n, FILE *__stream);
size_t fread(void *__ptr, size_t __size, size_t __n, FILE *__stream);
ssize_t getdelim(char **__lineptr, size_t *__n, int __delimiter, FILE *__stream);
ssize_t getline(char **__lineptr, size_t *__n, FILE *__stream);
/* the runtime's hook for getdelim and fread: bytes buffered (refilled when empty), up to delim */
ssize_t __lab_stream_chunk(FILE *__stream, int __delimiter);

int fflush(FILE *__stream);
int setvbuf(FILE *__stream, char *__buf, int __modes, size_t __n);
void setbuf(FILE *__stream, char *__buf);
void perror(const char *__s);

FILE *fopen(const char *__filename, const char *__modes);
FILE *fdopen(int __fd, const char *__modes);
int fclose(FILE *__stream);
int fileno(FILE *__stream);
int feof(FILE *__stream);
int ferror(FILE *__stream);
void clearerr(FILE *__stream);
int fseek(FILE *__stream, long int __off, int __whence);
long int ftell(FILE *__stream);
void rewind(FILE *__stream);
int remove(const char *__filename);
FILE *popen(const char *__command, const char *__modes);
int pclose(FILE *__stream);

/* The runtime's hook: flushes every stream (exit calls it). */
void __lab_flush_all(void);
`);

export const STDIO_HEADERS: Record<string, string> = { 'stdio.h': STDIO_H };
