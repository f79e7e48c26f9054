/**
 * The functions glibc 2.36 declares in each header the lab provides (C11 with gcc's default
 * _DEFAULT_SOURCE), found with `echo "#include <h>" | gcc -std=gnu11 -E -P -` on Debian 12. The lab
 * uses the list to tell a student that a function of an included header is not supported, rather
 * than calling it an implicit declaration. A header repeats the names of the headers it includes.
 */
const GLIBC_FUNCTIONS: Record<string, string> = {
  'stdio.h':
    'clearerr clearerr_unlocked ctermid dprintf fclose fdopen feof feof_unlocked ferror ' +
    'ferror_unlocked fflush fflush_unlocked fgetc fgetc_unlocked fgetpos fgets fileno ' +
    'fileno_unlocked flockfile fmemopen fopen fprintf fputc fputc_unlocked fputs fread ' +
    'fread_unlocked freopen fscanf fseek fseeko fsetpos ftell ftello ftrylockfile funlockfile ' +
    'fwrite fwrite_unlocked getc getc_unlocked getchar getchar_unlocked getdelim getline getw ' +
    'open_memstream pclose perror popen printf putc putc_unlocked putchar putchar_unlocked ' +
    'puts putw remove rename renameat rewind scanf setbuf setbuffer setlinebuf setvbuf ' +
    'snprintf sprintf sscanf tempnam tmpfile tmpnam tmpnam_r ungetc vdprintf vfprintf vfscanf ' +
    'vprintf vscanf vsnprintf vsprintf vsscanf',
  'stdlib.h':
    'a64l abort abs aligned_alloc alloca arc4random arc4random_buf arc4random_uniform ' +
    'at_quick_exit atexit atof atoi atol atoll bsearch calloc clearenv div drand48 drand48_r ' +
    'ecvt ecvt_r erand48 erand48_r exit fcvt fcvt_r free gcvt getenv getloadavg getsubopt ' +
    'initstate initstate_r jrand48 jrand48_r l64a labs lcong48 lcong48_r ldiv llabs lldiv ' +
    'lrand48 lrand48_r malloc mblen mbstowcs mbtowc mkdtemp mkstemp mkstemps mktemp mrand48 ' +
    'mrand48_r nrand48 nrand48_r on_exit posix_memalign pselect putenv qecvt qecvt_r qfcvt ' +
    'qfcvt_r qgcvt qsort quick_exit rand rand_r random random_r realloc reallocarray realpath ' +
    'rpmatch seed48 seed48_r select setenv setstate setstate_r srand srand48 srand48_r ' +
    'srandom srandom_r strtod strtof strtol strtold strtoll strtoq strtoul strtoull strtouq ' +
    'system unsetenv valloc wcstombs wctomb',
  'string.h':
    'bcmp bcopy bzero explicit_bzero ffs ffsl ffsll index memccpy memchr memcmp memcpy ' +
    'memmove memset rindex stpcpy stpncpy strcasecmp strcasecmp_l strcat strchr strcmp ' +
    'strcoll strcoll_l strcpy strcspn strdup strerror strerror_l strerror_r strlen ' +
    'strncasecmp strncasecmp_l strncat strncmp strncpy strndup strnlen strpbrk strrchr strsep ' +
    'strsignal strspn strstr strtok strtok_r strxfrm strxfrm_l',
  'unistd.h':
    'access acct alarm brk chdir chown chroot close closefrom confstr crypt daemon dup dup2 ' +
    'endusershell execl execle execlp execv execve execvp faccessat fchdir fchown fchownat ' +
    'fdatasync fexecve fork fpathconf fsync ftruncate getcwd getdomainname getdtablesize ' +
    'getegid geteuid getgid getgroups gethostid gethostname getlogin getlogin_r getopt ' +
    'getpagesize getpass getpgid getpgrp getpid getppid getsid getuid getusershell getwd ' +
    'isatty lchown link linkat lockf lseek nice pathconf pause pipe pread profil pwrite read ' +
    'readlink readlinkat revoke rmdir sbrk setdomainname setegid seteuid setgid sethostid ' +
    'sethostname setlogin setpgid setpgrp setregid setreuid setsid setuid setusershell sleep ' +
    'symlink symlinkat sync syscall sysconf tcgetpgrp tcsetpgrp truncate ttyname ttyname_r ' +
    'ttyslot ualarm unlink unlinkat usleep vfork vhangup write',
  'sys/types.h':
    'pselect select',
  'sys/wait.h':
    'gsignal kill killpg psiginfo psignal pthread_kill pthread_sigmask raise sigaction ' +
    'sigaddset sigaltstack sigblock sigdelset sigemptyset sigfillset siggetmask siginterrupt ' +
    'sigismember signal sigpending sigprocmask sigqueue sigreturn sigsetmask sigstack ' +
    'sigsuspend sigtimedwait sigwait sigwaitinfo ssignal wait wait3 wait4 waitid waitpid',
  'signal.h':
    'gsignal kill killpg psiginfo psignal pthread_kill pthread_sigmask raise sigaction ' +
    'sigaddset sigaltstack sigblock sigdelset sigemptyset sigfillset siggetmask siginterrupt ' +
    'sigismember signal sigpending sigprocmask sigqueue sigreturn sigsetmask sigstack ' +
    'sigsuspend sigtimedwait sigwait sigwaitinfo ssignal',
  'sched.h':
    'sched_get_priority_max sched_get_priority_min sched_getparam sched_getscheduler ' +
    'sched_rr_get_interval sched_setparam sched_setscheduler sched_yield',
  'fcntl.h':
    'creat fcntl lockf open openat posix_fadvise posix_fallocate',
  'sys/stat.h':
    'chmod fchmod fchmodat fstat fstatat futimens lchmod lstat mkdir mkdirat mkfifo mkfifoat ' +
    'mknod mknodat stat umask utimensat',
  'dirent.h':
    'alphasort closedir dirfd fdopendir getdirentries opendir readdir readdir_r rewinddir ' +
    'scandir seekdir telldir',
  'sys/resource.h':
    'getpriority getrlimit getrusage setpriority setrlimit',
  'pthread.h':
    'asctime asctime_r clock clock_getcpuclockid clock_getres clock_gettime clock_nanosleep ' +
    'clock_settime ctime ctime_r difftime dysize gmtime gmtime_r localtime localtime_r mktime ' +
    'nanosleep pthread_atfork pthread_attr_destroy pthread_attr_getdetachstate ' +
    'pthread_attr_getguardsize pthread_attr_getinheritsched pthread_attr_getschedparam ' +
    'pthread_attr_getschedpolicy pthread_attr_getscope pthread_attr_getstack ' +
    'pthread_attr_getstackaddr pthread_attr_getstacksize pthread_attr_init ' +
    'pthread_attr_setdetachstate pthread_attr_setguardsize pthread_attr_setinheritsched ' +
    'pthread_attr_setschedparam pthread_attr_setschedpolicy pthread_attr_setscope ' +
    'pthread_attr_setstack pthread_attr_setstackaddr pthread_attr_setstacksize ' +
    'pthread_barrier_destroy pthread_barrier_init pthread_barrier_wait ' +
    'pthread_barrierattr_destroy pthread_barrierattr_getpshared pthread_barrierattr_init ' +
    'pthread_barrierattr_setpshared pthread_cancel pthread_cond_broadcast ' +
    'pthread_cond_destroy pthread_cond_init pthread_cond_signal pthread_cond_timedwait ' +
    'pthread_cond_wait pthread_condattr_destroy pthread_condattr_getclock ' +
    'pthread_condattr_getpshared pthread_condattr_init pthread_condattr_setclock ' +
    'pthread_condattr_setpshared pthread_create pthread_detach pthread_equal pthread_exit ' +
    'pthread_getcpuclockid pthread_getschedparam pthread_getspecific pthread_join ' +
    'pthread_key_create pthread_key_delete pthread_mutex_consistent pthread_mutex_destroy ' +
    'pthread_mutex_getprioceiling pthread_mutex_init pthread_mutex_lock ' +
    'pthread_mutex_setprioceiling pthread_mutex_timedlock pthread_mutex_trylock ' +
    'pthread_mutex_unlock pthread_mutexattr_destroy pthread_mutexattr_getprioceiling ' +
    'pthread_mutexattr_getprotocol pthread_mutexattr_getpshared pthread_mutexattr_getrobust ' +
    'pthread_mutexattr_gettype pthread_mutexattr_init pthread_mutexattr_setprioceiling ' +
    'pthread_mutexattr_setprotocol pthread_mutexattr_setpshared pthread_mutexattr_setrobust ' +
    'pthread_mutexattr_settype pthread_once pthread_rwlock_destroy pthread_rwlock_init ' +
    'pthread_rwlock_rdlock pthread_rwlock_timedrdlock pthread_rwlock_timedwrlock ' +
    'pthread_rwlock_tryrdlock pthread_rwlock_trywrlock pthread_rwlock_unlock ' +
    'pthread_rwlock_wrlock pthread_rwlockattr_destroy pthread_rwlockattr_getkind_np ' +
    'pthread_rwlockattr_getpshared pthread_rwlockattr_init pthread_rwlockattr_setkind_np ' +
    'pthread_rwlockattr_setpshared pthread_self pthread_setcancelstate pthread_setcanceltype ' +
    'pthread_setschedparam pthread_setschedprio pthread_setspecific pthread_spin_destroy ' +
    'pthread_spin_init pthread_spin_lock pthread_spin_trylock pthread_spin_unlock ' +
    'pthread_testcancel sched_get_priority_max sched_get_priority_min sched_getparam ' +
    'sched_getscheduler sched_rr_get_interval sched_setparam sched_setscheduler sched_yield ' +
    'strftime strftime_l time timegm timelocal timer_create timer_delete timer_getoverrun ' +
    'timer_gettime timer_settime timespec_get tzset',
  'ctype.h':
    'isalnum isalnum_l isalpha isalpha_l isascii isblank isblank_l iscntrl iscntrl_l isdigit ' +
    'isdigit_l isgraph isgraph_l islower islower_l isprint isprint_l ispunct ispunct_l ' +
    'isspace isspace_l isupper isupper_l isxdigit isxdigit_l toascii tolower tolower_l ' +
    'toupper toupper_l',
  'sys/prctl.h':
    'prctl',
  'time.h':
    'asctime asctime_r clock clock_getcpuclockid clock_getres clock_gettime clock_nanosleep ' +
    'clock_settime ctime ctime_r difftime dysize gmtime gmtime_r localtime localtime_r mktime ' +
    'nanosleep strftime strftime_l time timegm timelocal timer_create timer_delete ' +
    'timer_getoverrun timer_gettime timer_settime timespec_get tzset',
  'math.h':
    'acos acosf acosh acoshf acoshl acosl asin asinf asinh asinhf asinhl asinl atan atan2 ' +
    'atan2f atan2l atanf atanh atanhf atanhl atanl cbrt cbrtf cbrtl ceil ceilf ceill copysign ' +
    'copysignf copysignl cos cosf cosh coshf coshl cosl drem dremf dreml erf erfc erfcf erfcl ' +
    'erff erfl exp exp2 exp2f exp2l expf expl expm1 expm1f expm1l fabs fabsf fabsl fdim fdimf ' +
    'fdiml finite finitef finitel floor floorf floorl fma fmaf fmal fmax fmaxf fmaxl fmin ' +
    'fminf fminl fmod fmodf fmodl frexp frexpf frexpl gamma gammaf gammal hypot hypotf hypotl ' +
    'ilogb ilogbf ilogbl isinf isinff isinfl isnan isnanf isnanl j0 j0f j0l j1 j1f j1l jn jnf ' +
    'jnl ldexp ldexpf ldexpl lgamma lgamma_r lgammaf lgammaf_r lgammal lgammal_r llrint ' +
    'llrintf llrintl llround llroundf llroundl log log10 log10f log10l log1p log1pf log1pl ' +
    'log2 log2f log2l logb logbf logbl logf logl lrint lrintf lrintl lround lroundf lroundl ' +
    'modf modff modfl nan nanf nanl nearbyint nearbyintf nearbyintl nextafter nextafterf ' +
    'nextafterl nexttoward nexttowardf nexttowardl pow powf powl remainder remainderf ' +
    'remainderl remquo remquof remquol rint rintf rintl round roundf roundl scalb scalbf ' +
    'scalbl scalbln scalblnf scalblnl scalbn scalbnf scalbnl significand significandf ' +
    'significandl sin sinf sinh sinhf sinhl sinl sqrt sqrtf sqrtl tan tanf tanh tanhf tanhl ' +
    'tanl tgamma tgammaf tgammal trunc truncf truncl y0 y0f y0l y1 y1f y1l yn ynf ynl',
  'strings.h':
    'bcmp bcopy bzero ffs ffsl ffsll index rindex strcasecmp strcasecmp_l strncasecmp ' +
    'strncasecmp_l',
  'sys/mman.h':
    'madvise mincore mlock mlockall mmap mprotect msync munlock munlockall munmap ' +
    'posix_madvise shm_open shm_unlink',
  'inttypes.h':
    'imaxabs imaxdiv strtoimax strtoumax wcstoimax wcstoumax',
};

/** Each header of the list with the functions glibc declares in it (those of the headers it includes too). */
export const GLIBC_FUNCTION_LISTS: readonly (readonly [string, readonly string[]])[] = Object.entries(GLIBC_FUNCTIONS)
  .map(([header, names]) => [header, names.split(' ')] as const);

let headersOf: Map<string, string[]> | undefined;

/** The headers of the list where glibc declares function `name` (none when it declares it nowhere). */
export function glibcHeadersDeclaring(name: string): readonly string[] {
  if (!headersOf) {
    headersOf = new Map();
    for (const [header, names] of GLIBC_FUNCTION_LISTS) {
      for (const n of names) headersOf.set(n, [...(headersOf.get(n) ?? []), header]);
    }
  }
  return headersOf.get(name) ?? [];
}

/**
 * The header of the list that declares `name` itself rather than through a header it includes:
 * of those that declare it, the one that declares the fewest functions (<signal.h> for
 * sigsuspend, not <sys/wait.h>, which includes it). Undefined when glibc declares it nowhere.
 */
export function glibcHomeHeader(name: string): string | undefined {
  let home: string | undefined;
  let fewest = Infinity;
  for (const header of glibcHeadersDeclaring(name)) {
    const count = GLIBC_FUNCTIONS[header].split(' ').length;
    if (count < fewest) {
      fewest = count;
      home = header;
    }
  }
  return home;
}
