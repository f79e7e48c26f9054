/**
 * /bin/sh, in the lab's C: enough of dash (Debian's /bin/sh) for what students run with
 * `sh -c`, system() and popen(): lists with ; and &, && and ||, pipelines, ( subshells ),
 * redirections (<, >, >>, n>&m, n<&m, with a descriptor number), 'single' and "double" quotes
 * and backslashes, $VAR, ${VAR}, $?, $$, $#, $0..$9, field splitting and * ? [ ] patterns,
 * $(( arithmetic )), $( command ) and `command` substitution (run in a forked shell whose output
 * is a pipe, as dash runs it), VAR=value, the compound commands if/elif/else/fi, while, until,
 * for (do ... done) and { } (in the shell's own process, redirections included), and the
 * builtins exit, cd, pwd, echo (dash's: escapes always), printf, wait, export, unset, true, false,
 * ':', test and [, read, break and continue. Its messages are dash's ("sh: 1: foo: not found", exit status 127).
 *
 * How it runs commands, as dash does: each command of a pipeline, each background command and
 * each subshell in a forked child; a simple command on its own in a forked child too, except the
 * very last command of the script, which the shell execs in place (so `sh -c "ls"` is one
 * process, like dash). The children are waited for in order.
 */

export const SH_SOURCE = String.raw`
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include <signal.h>
#include <dirent.h>
#include <sys/wait.h>
#include <sys/stat.h>

/* ---------------------------------------------------------------- tokens */
enum { T_WORD, T_SEMI, T_AMP, T_AND, T_OR, T_PIPE, T_LPAREN, T_RPAREN, T_LESS, T_GREAT, T_DGREAT,
       T_GREATAND, T_LESSAND, T_NEWLINE, T_END };

#define MAX_TOKENS 4096
static int tok_type[MAX_TOKENS];
static char *tok_text[MAX_TOKENS];   /* a word as written (quotes kept, expanded later) */
static int tok_fd[MAX_TOKENS];       /* a redirection's descriptor number, or -1 */
static int tok_line[MAX_TOKENS];
static int ntok;
static int pos;

static const char *script;   /* the command string (argv[2] of sh -c) */
static char *argv0 = "sh";
static int line_no = 1;       /* the line the current command is on, for messages */
static int last_status;
static int breaking, continuing, loop_depth;   /* break N, continue N: loops still to leave; loops we are in */
static char **pos_args;       /* $1 ... */
static int npos_args;

static void fail(const char *fmt, const char *a, const char *b);
static int name_char(int c, int first);
static int is_terminator(void);

static int is_blank(int c) { return c == ' ' || c == '\t'; }
static int is_meta(int c) { return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>' || c == '\n'; }

/* The position after the ) that closes a command substitution (p just after "$("), past quotes
   and nested parentheses; NULL when nothing closes it. */
static const char *skip_subst(const char *p) {
    int depth = 0;
    for (; *p; p++) {
        if (*p == '\\' && p[1]) p++;
        else if (*p == '\'') { p++; while (*p && *p != '\'') p++; if (!*p) return NULL; }
        else if (*p == '"') { p++; while (*p && *p != '"') { if (*p == '\\' && p[1]) p++; p++; } if (!*p) return NULL; }
        else if (*p == '(') depth++;
        else if (*p == ')') { if (depth == 0) return p + 1; depth--; }
    }
    return NULL;
}

/* The position after the backquote that closes one opened just before p; NULL when none does. */
static const char *skip_backquote(const char *p) {
    for (; *p && *p != '${'`'}'; p++) if (*p == '\\' && p[1]) p++;
    return *p ? p + 1 : NULL;
}

/* Skips a $( ) or backquoted command substitution starting at p ("$(" or a backquote) in the
   tokenizer; returns the position after it, or NULL after dash's syntax error message. */
static const char *skip_substitution(const char *p) {
    const char *end = *p == '$' ? skip_subst(p + 2) : skip_backquote(p + 1);
    if (!end) fail(*p == '$' ? "Syntax error: end of file unexpected (expecting \")\")" : "Syntax error: EOF in backquote substitution", NULL, NULL);
    return end;
}

/* Splits the script into tokens; returns 0, or 2 after a syntax error message. */
static int tokenize(const char *s) {
    int line = 1;
    ntok = 0;
    const char *p = s;
    while (1) {
        while (is_blank(*p)) p++;
        if (*p == '#') { while (*p && *p != '\n') p++; }
        if (!*p) break;
        if (ntok >= MAX_TOKENS - 1) { fail("Syntax error: %s", "command too long", NULL); return 2; }
        tok_fd[ntok] = -1;
        tok_line[ntok] = line;
        tok_text[ntok] = NULL;
        if (*p == '\n') { tok_type[ntok++] = T_NEWLINE; line++; p++; continue; }
        /* a descriptor number right before < or > */
        const char *q = p;
        while (*q >= '0' && *q <= '9') q++;
        if (q > p && (*q == '<' || *q == '>')) { tok_fd[ntok] = atoi(p); p = q; }
        if (is_meta(*p)) {
            int t;
            if (p[0] == ';') { t = T_SEMI; p++; }
            else if (p[0] == '&' && p[1] == '&') { t = T_AND; p += 2; }
            else if (p[0] == '&') { t = T_AMP; p++; }
            else if (p[0] == '|' && p[1] == '|') { t = T_OR; p += 2; }
            else if (p[0] == '|') { t = T_PIPE; p++; }
            else if (p[0] == '(') { t = T_LPAREN; p++; }
            else if (p[0] == ')') { t = T_RPAREN; p++; }
            else if (p[0] == '>' && p[1] == '>') { t = T_DGREAT; p += 2; }
            else if (p[0] == '>' && p[1] == '&') { t = T_GREATAND; p += 2; }
            else if (p[0] == '>') { t = T_GREAT; p++; }
            else if (p[0] == '<' && p[1] == '&') { t = T_LESSAND; p += 2; }
            else { t = T_LESS; p++; }
            tok_type[ntok++] = t;
            continue;
        }
        /* a word: up to a blank or operator outside quotes */
        const char *start = p;
        while (*p && !is_blank(*p) && !is_meta(*p)) {
            if (p[0] == '$' && p[1] == '(' && p[2] == '(') {
                /* $(( ... )): up to the matching )) */
                int depth = 0;
                p += 3;
                while (*p && !(depth == 0 && p[0] == ')' && p[1] == ')')) {
                    if (*p == '(') depth++;
                    else if (*p == ')') depth--;
                    p++;
                }
                if (*p) p += 2;
                continue;
            }
            if ((p[0] == '$' && p[1] == '(') || *p == '${'`'}') {
                /* $( command ) or a backquoted command: up to what closes it */
                if (!(p = skip_substitution(p))) return 2;
                continue;
            }
            if (*p == '\\' && p[1]) p += 2;
            else if (*p == '\'') {
                p++;
                while (*p && *p != '\'') p++;
                if (!*p) { line_no = line; fail("Syntax error: %s", "Unterminated quoted string", NULL); return 2; }
                p++;
            } else if (*p == '"') {
                p++;
                while (*p && *p != '"') {
                    if ((p[0] == '$' && p[1] == '(' && p[2] != '(') || *p == '${'`'}') {
                        if (!(p = skip_substitution(p))) return 2;
                        continue;
                    }
                    if (*p == '\\' && p[1]) p++;
                    if (*p == '\n') line++;
                    p++;
                }
                if (!*p) { line_no = line; fail("Syntax error: %s", "Unterminated quoted string", NULL); return 2; }
                p++;
            } else p++;
        }
        tok_text[ntok] = strndup(start, p - start);
        tok_type[ntok++] = T_WORD;
    }
    tok_type[ntok] = T_END;
    tok_line[ntok] = line;
    return 0;
}

/* ---------------------------------------------------------------- syntax tree */
enum { N_CMD, N_PIPE, N_AND, N_OR, N_SEQ, N_BG, N_SUB, N_IF, N_WHILE, N_UNTIL, N_FOR, N_GROUP };

#define MAX_WORDS 128
#define MAX_REDIRS 16
struct node {
    int kind;
    struct node *left, *right;   /* N_PIPE, N_AND, N_OR, N_SEQ; N_BG, N_SUB, N_GROUP use left;
                                    N_IF: condition, then, else (other); N_WHILE, N_UNTIL:
                                    condition, body; N_FOR: body in left */
    struct node *other;
    char *name;                  /* N_FOR: the variable; its words are what follows "in" */
    int has_in;
    int line;
    int nwords;
    char *words[MAX_WORDS];
    int nredirs;
    int redir_type[MAX_REDIRS];
    int redir_fd[MAX_REDIRS];
    char *redir_word[MAX_REDIRS];
    struct node *sub_redirs;     /* unused */
};

static struct node *new_node(int kind) {
    struct node *n = calloc(1, sizeof *n);
    n->kind = kind;
    n->line = tok_line[pos];
    return n;
}

static int syntax_error;

static const char *token_name(int t) {
    switch (t) {
    case T_SEMI: return ";";
    case T_AMP: return "&";
    case T_AND: return "&&";
    case T_OR: return "||";
    case T_PIPE: return "|";
    case T_LPAREN: return "(";
    case T_RPAREN: return ")";
    case T_LESS: return "<";
    case T_GREAT: return ">";
    case T_DGREAT: return ">>";
    case T_GREATAND: return ">&";
    case T_LESSAND: return "<&";
    case T_NEWLINE: return "newline";
    default: return "end of file";
    }
}

/* Whether the token at pos is the unquoted word w. */
static int at_word(const char *w) { return tok_type[pos] == T_WORD && strcmp(tok_text[pos], w) == 0; }

/* Whether the token at pos is a reserved word that ends a list (then, else, elif, fi, do, done, }). */
static int is_terminator(void) {
    return at_word("then") || at_word("else") || at_word("elif") || at_word("fi") || at_word("do") || at_word("done") || at_word("}");
}

/* dash's message for an unexpected token. */
static void unexpected(void) {
    if (syntax_error) return;
    syntax_error = 1;
    line_no = tok_line[pos];
    if (tok_type[pos] == T_END) fail("Syntax error: %s", "end of file unexpected", NULL);
    else if (tok_type[pos] == T_WORD) {
        /* a reserved word by its name, any other word as "word" */
        static char what[64];
        if (is_terminator()) snprintf(what, sizeof what, "\"%s\" unexpected", tok_text[pos]);
        else snprintf(what, sizeof what, "word unexpected");
        fail("Syntax error: %s", what, NULL);
    } else {
        static char what[64];
        snprintf(what, sizeof what, "\"%s\" unexpected", token_name(tok_type[pos]));
        fail("Syntax error: %s", what, NULL);
    }
}

static struct node *parse_list(int inner);

/* dash's message when the reserved word w should come next. */
static void expecting(const char *w) {
    if (syntax_error) return;
    syntax_error = 1;
    line_no = tok_line[pos];
    static char what[96];
    if (tok_type[pos] == T_END) snprintf(what, sizeof what, "end of file unexpected (expecting \"%s\")", w);
    else if (tok_type[pos] == T_WORD) snprintf(what, sizeof what, "word unexpected (expecting \"%s\")", w);
    else snprintf(what, sizeof what, "\"%s\" unexpected (expecting \"%s\")", token_name(tok_type[pos]), w);
    fail("Syntax error: %s", what, NULL);
}

/* Takes the reserved word w, or reports that it was expected; 0 after an error. */
static int expect_word(const char *w) {
    if (syntax_error) return 0;
    if (!at_word(w)) { expecting(w); return 0; }
    pos++;
    return 1;
}

/* The list inside a compound command: up to a reserved word; an empty one is an error. */
static struct node *parse_body(void) {
    struct node *list = parse_list(1);
    if (!syntax_error && !list) unexpected();
    return syntax_error ? NULL : list;
}

/* if LIST then LIST [elif LIST then LIST]... [else LIST] fi (pos at "if" or "elif") */
static struct node *parse_if(void) {
    struct node *n = new_node(N_IF);
    pos++;
    n->left = parse_body();
    if (!expect_word("then")) return NULL;
    n->right = parse_body();
    if (syntax_error) return NULL;
    if (at_word("elif")) { n->other = parse_if(); return n->other ? n : NULL; }
    if (at_word("else")) {
        pos++;
        n->other = parse_body();
        if (syntax_error) return NULL;
    }
    return expect_word("fi") ? n : NULL;
}

/* while LIST do LIST done, until LIST do LIST done */
static struct node *parse_while(void) {
    struct node *n = new_node(at_word("until") ? N_UNTIL : N_WHILE);
    pos++;
    n->left = parse_body();
    if (!expect_word("do")) return NULL;
    n->right = parse_body();
    return expect_word("done") ? n : NULL;
}

/* for NAME [in WORD...] ; do LIST done */
static struct node *parse_for(void) {
    struct node *n = new_node(N_FOR);
    pos++;
    const char *name = tok_type[pos] == T_WORD ? tok_text[pos] : "";
    int valid = name_char(name[0], 1);
    for (const char *q = name; valid && *q; q++) valid = name_char(*q, 0);
    if (!valid) {
        syntax_error = 1;
        line_no = tok_line[pos];
        fail("Syntax error: %s", "Bad for loop variable", NULL);
        return NULL;
    }
    n->name = tok_text[pos++];
    while (tok_type[pos] == T_NEWLINE) pos++;
    if (at_word("in")) {
        pos++;
        n->has_in = 1;
        while (tok_type[pos] == T_WORD) {
            if (n->nwords < MAX_WORDS - 1) n->words[n->nwords++] = tok_text[pos];
            pos++;
        }
        if (tok_type[pos] != T_SEMI && tok_type[pos] != T_NEWLINE) { expecting("do"); return NULL; }
        pos++;
    } else if (tok_type[pos] == T_SEMI) pos++;
    while (tok_type[pos] == T_NEWLINE) pos++;
    if (!expect_word("do")) return NULL;
    n->left = parse_body();
    return expect_word("done") ? n : NULL;
}

/* { LIST } */
static struct node *parse_group(void) {
    struct node *n = new_node(N_GROUP);
    pos++;
    n->left = parse_body();
    return expect_word("}") ? n : NULL;
}

static int is_redir(int t) { return t == T_LESS || t == T_GREAT || t == T_DGREAT || t == T_GREATAND || t == T_LESSAND; }

/* A redirection (operator and word) into n; 0 after a syntax error. */
static int parse_redir(struct node *n) {
    int t = tok_type[pos];
    int fd = tok_fd[pos];
    pos++;
    if (tok_type[pos] != T_WORD) { unexpected(); return 0; }
    if (n->nredirs < MAX_REDIRS) {
        n->redir_type[n->nredirs] = t;
        n->redir_fd[n->nredirs] = fd >= 0 ? fd : (t == T_LESS || t == T_LESSAND ? 0 : 1);
        n->redir_word[n->nredirs] = tok_text[pos];
        n->nredirs++;
    }
    pos++;
    return 1;
}

/* command: a ( subshell ) with its redirections, or words and redirections */
static struct node *parse_command(void) {
    if (tok_type[pos] == T_LPAREN) {
        pos++;
        struct node *n = new_node(N_SUB);
        n->left = parse_list(1);
        if (syntax_error) return NULL;
        if (tok_type[pos] != T_RPAREN) { unexpected(); return NULL; }
        pos++;
        /* ( list ) > file: redirections of the whole subshell */
        while (is_redir(tok_type[pos])) {
            if (!parse_redir(n)) return NULL;
        }
        return n;
    }
    if (at_word("if") || at_word("while") || at_word("until") || at_word("for") || at_word("{")) {
        struct node *n = at_word("if") ? parse_if() : at_word("for") ? parse_for() : at_word("{") ? parse_group() : parse_while();
        if (!n) return NULL;
        /* if ... fi > file: redirections of the whole compound command */
        while (is_redir(tok_type[pos])) {
            if (!parse_redir(n)) return NULL;
        }
        return n;
    }
    struct node *n = new_node(N_CMD);
    while (tok_type[pos] == T_WORD || is_redir(tok_type[pos])) {
        if (tok_type[pos] == T_WORD) {
            if (n->nwords < MAX_WORDS - 1) n->words[n->nwords++] = tok_text[pos];
            pos++;
        } else if (!parse_redir(n)) return NULL;
    }
    if (n->nwords == 0 && n->nredirs == 0) { unexpected(); return NULL; }
    return n;
}

static struct node *parse_pipeline(void) {
    struct node *left = parse_command();
    while (!syntax_error && tok_type[pos] == T_PIPE) {
        pos++;
        while (tok_type[pos] == T_NEWLINE) pos++;
        struct node *n = new_node(N_PIPE);
        n->left = left;
        n->right = parse_command();
        left = n;
    }
    return left;
}

static struct node *parse_and_or(void) {
    struct node *left = parse_pipeline();
    while (!syntax_error && (tok_type[pos] == T_AND || tok_type[pos] == T_OR)) {
        struct node *n = new_node(tok_type[pos] == T_AND ? N_AND : N_OR);
        pos++;
        while (tok_type[pos] == T_NEWLINE) pos++;
        n->left = left;
        n->right = parse_pipeline();
        left = n;
    }
    return left;
}

/* list: and-or lists separated by ; & or newlines; inside ( ) it ends at ) */
static struct node *parse_list(int inner) {
    struct node *list = NULL;
    while (tok_type[pos] == T_NEWLINE || tok_type[pos] == T_SEMI) {
        if (tok_type[pos] == T_SEMI) { unexpected(); return NULL; }
        pos++;
    }
    while (!syntax_error && tok_type[pos] != T_END && !(inner && tok_type[pos] == T_RPAREN) && !is_terminator()) {
        struct node *item = parse_and_or();
        if (syntax_error) return NULL;
        if (tok_type[pos] == T_AMP) {
            struct node *bg = new_node(N_BG);
            bg->left = item;
            item = bg;
            pos++;
        } else if (tok_type[pos] == T_SEMI || tok_type[pos] == T_NEWLINE) {
            pos++;
        } else if (tok_type[pos] != T_END && !(inner && tok_type[pos] == T_RPAREN)) {
            unexpected();
            return NULL;
        }
        while (tok_type[pos] == T_NEWLINE) pos++;
        if (!list) list = item;
        else {
            struct node *seq = new_node(N_SEQ);
            seq->left = list;
            seq->right = item;
            list = seq;
        }
    }
    if (inner && !list && !syntax_error) { unexpected(); return NULL; }
    if (!inner && !syntax_error && is_terminator()) { unexpected(); return NULL; }
    return list;
}

/* ---------------------------------------------------------------- messages */

/* "sh: LINE: " and a message, on standard error. */
static void fail(const char *fmt, const char *a, const char *b) {
    fprintf(stderr, "%s: %d: ", argv0, line_no);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
}

/* dash's short error texts (errmsg()): what open and exec failures say. */
static const char *open_error(int e, int creating) {
    if (e == ENOENT) return creating ? "Directory nonexistent" : "No such file";
    if (e == ENOTDIR) return creating ? "Directory nonexistent" : "No such file";
    return strerror(e);
}

/* ---------------------------------------------------------------- variables */
#define MAX_VARS 128
static char *var_name[MAX_VARS];
static char *var_value[MAX_VARS];
static int var_exported[MAX_VARS];
static int nvars;

static int find_var(const char *name, int len) {
    for (int i = 0; i < nvars; i++) if ((int)strlen(var_name[i]) == len && strncmp(var_name[i], name, len) == 0) return i;
    return -1;
}

static void set_var(const char *name, int len, const char *value, int exported) {
    int i = find_var(name, len);
    if (i < 0) {
        if (nvars == MAX_VARS) return;
        i = nvars++;
        var_name[i] = strndup(name, len);
        var_exported[i] = 0;
    }
    var_value[i] = strdup(value);
    if (exported) var_exported[i] = 1;
}

static void unset_var(const char *name) {
    int i = find_var(name, strlen(name));
    if (i < 0) return;
    nvars--;
    var_name[i] = var_name[nvars];
    var_value[i] = var_value[nvars];
    var_exported[i] = var_exported[nvars];
}

/* The environment a command gets: the exported variables, NAME=VALUE. */
static char **build_env(void) {
    char **env = malloc((nvars + 1) * sizeof(char *));
    int n = 0;
    for (int i = 0; i < nvars; i++) {
        if (!var_exported[i]) continue;
        env[n] = malloc(strlen(var_name[i]) + strlen(var_value[i]) + 2);
        sprintf(env[n], "%s=%s", var_name[i], var_value[i]);
        n++;
    }
    env[n] = NULL;
    return env;
}

/* The value of a parameter ($NAME, $?, $$, $#, $0..$9), or NULL when unset. */
static const char *param_value(const char *name, int len) {
    static char num[32];
    if (len == 1 && name[0] == '?') { sprintf(num, "%d", last_status); return num; }
    if (len == 1 && name[0] == '$') { sprintf(num, "%d", getpid()); return num; }
    if (len == 1 && name[0] == '#') { sprintf(num, "%d", npos_args); return num; }
    if (len == 1 && name[0] >= '0' && name[0] <= '9') {
        int k = name[0] - '0';
        if (k == 0) return argv0;
        return k <= npos_args ? pos_args[k - 1] : NULL;
    }
    int i = find_var(name, len);
    return i >= 0 ? var_value[i] : NULL;
}

static int name_char(int c, int first) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

/* ---------------------------------------------------------------- word expansion */
#define MAX_FIELDS 512
#define FIELD_MAX 4096
static char *fields[MAX_FIELDS];
static int nfields;

/* the field being built: its bytes, and for each byte whether it came from quotes (no globbing) */
static char cur[FIELD_MAX];
static char cur_quoted[FIELD_MAX];
static int cur_len;
static int cur_started;   /* a field exists even if empty ("" makes an empty argument) */
static int cur_has_glob;

static void add_char(int c, int quoted) {
    if (cur_len < FIELD_MAX - 1) {
        cur_quoted[cur_len] = quoted;
        cur[cur_len++] = c;
        if (!quoted && (c == '*' || c == '?' || c == '[')) cur_has_glob = 1;
    }
    cur_started = 1;
}

static int match(const char *pat, const char *s);
static void end_field(int glob);

/* Appends an expansion's text: inside quotes (or with no_split) as one piece, outside split at
   blanks and newlines. */
static int no_split;   /* set while expanding an assignment's value or a redirection's word */

static void add_expansion(const char *v, int quoted) {
    if (!v) return;
    for (; *v; v++) {
        if (!quoted && !no_split && (*v == ' ' || *v == '\t' || *v == '\n')) {
            if (cur_started) end_field(1);
            continue;
        }
        add_char(*v, quoted);
    }
}

/* ---- arithmetic: $(( expression )) with + - * / % ( ), comparisons, variables and numbers */
static const char *ap;
static int arith_error;
static long arith_expr(void);

static void arith_blanks(void) { while (*ap == ' ' || *ap == '\t') ap++; }

static long arith_primary(void) {
    arith_blanks();
    if (*ap == '(') {
        ap++;
        long v = arith_expr();
        arith_blanks();
        if (*ap == ')') ap++; else arith_error = 1;
        return v;
    }
    if (*ap == '-') { ap++; return -arith_primary(); }
    if (*ap == '+') { ap++; return arith_primary(); }
    if (*ap == '!') { ap++; return !arith_primary(); }
    if (*ap >= '0' && *ap <= '9') return strtol(ap, (char **)&ap, 0);
    if (*ap == '$') ap++;
    if (name_char(*ap, 1)) {
        const char *start = ap;
        while (name_char(*ap, 0)) ap++;
        const char *v = param_value(start, ap - start);
        return v ? strtol(v, NULL, 0) : 0;
    }
    arith_error = 1;
    return 0;
}

static long arith_term(void) {
    long v = arith_primary();
    for (;;) {
        arith_blanks();
        char op = *ap;
        if (op != '*' && op != '/' && op != '%') return v;
        ap++;
        long r = arith_primary();
        if (op != '*' && r == 0) { arith_error = 2; return 0; }
        v = op == '*' ? v * r : op == '/' ? v / r : v % r;
    }
}

static long arith_sum(void) {
    long v = arith_term();
    for (;;) {
        arith_blanks();
        if (*ap == '+') { ap++; v += arith_term(); }
        else if (*ap == '-') { ap++; v -= arith_term(); }
        else return v;
    }
}

static long arith_compare(void) {
    long v = arith_sum();
    for (;;) {
        arith_blanks();
        if (ap[0] == '<' && ap[1] == '=') { ap += 2; v = v <= arith_sum(); }
        else if (ap[0] == '>' && ap[1] == '=') { ap += 2; v = v >= arith_sum(); }
        else if (ap[0] == '<') { ap++; v = v < arith_sum(); }
        else if (ap[0] == '>') { ap++; v = v > arith_sum(); }
        else if (ap[0] == '=' && ap[1] == '=') { ap += 2; v = v == arith_sum(); }
        else if (ap[0] == '!' && ap[1] == '=') { ap += 2; v = v != arith_sum(); }
        else return v;
    }
}

static long arith_expr(void) {
    long v = arith_compare();
    for (;;) {
        arith_blanks();
        if (ap[0] == '&' && ap[1] == '&') { ap += 2; long r = arith_compare(); v = v && r; }
        else if (ap[0] == '|' && ap[1] == '|') { ap += 2; long r = arith_compare(); v = v || r; }
        else return v;
    }
}

static char *expand_one(const char *w);

/* An arithmetic expression's text with its command substitutions (and parameters) expanded, as
   dash expands them before it computes; the field being built around it is kept. */
static char *substitute_commands(char *text) {
    if (!strstr(text, "$(") && !strchr(text, '${'`'}')) return text;
    char saved[FIELD_MAX], saved_quoted[FIELD_MAX];
    int len = cur_len, started = cur_started, glob = cur_has_glob;
    memcpy(saved, cur, len);
    memcpy(saved_quoted, cur_quoted, len);
    cur_len = cur_started = cur_has_glob = 0;
    char *expanded = expand_one(text);
    memcpy(cur, saved, len);
    memcpy(cur_quoted, saved_quoted, len);
    cur_len = len;
    cur_started = started;
    cur_has_glob = glob;
    free(text);
    return expanded;
}

/* Expands $(( ... )) at p (just after "$(("); returns the position after "))". */
static const char *expand_arith(const char *p, int quoted) {
    int depth = 0;
    const char *q = p;
    for (; *q; q++) {
        if (*q == '(') depth++;
        else if (*q == ')') { if (depth == 0 && q[1] == ')') break; depth--; }
    }
    char *text = substitute_commands(strndup(p, q - p));
    ap = text;
    arith_error = 0;
    long v = arith_expr();
    arith_blanks();
    if (*ap) arith_error = 1;
    if (arith_error) {
        fail(arith_error == 2 ? "arithmetic expression: division by zero: \"%s\"" : "arithmetic expression: expecting primary: \"%s\"", text, NULL);
        exit(2);
    }
    char num[32];
    sprintf(num, "%ld", v);
    add_expansion(num, quoted);
    return *q ? q + 2 : q;
}

static int run_script(const char *text);
static int subst_status = -1;   /* the status of the last command substitution of a command, or -1 */

/* Runs text in a forked shell whose standard output is a pipe, as dash does, and appends what it
   printed without its trailing newlines. $? becomes the substitution's status. */
static void add_command_output(const char *text, int quoted) {
    int fd[2];
    fflush(stdout);
    if (pipe(fd) != 0) { fail("Pipe call failed", NULL, NULL); return; }
    pid_t pid = fork();
    if (pid < 0) { fail("Cannot fork", NULL, NULL); close(fd[0]); close(fd[1]); return; }
    if (pid == 0) {
        close(fd[0]);
        if (fd[1] != 1) { dup2(fd[1], 1); close(fd[1]); }
        exit(run_script(text));
    }
    close(fd[1]);
    long size = 256, len = 0, got;
    char *out = malloc(size);
    while ((got = read(fd[0], out + len, size - 1 - len)) > 0) {
        len += got;
        if (len == size - 1) { size *= 2; out = realloc(out, size); }
    }
    close(fd[0]);
    int status;
    waitpid(pid, &status, 0);
    last_status = subst_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    while (len > 0 && out[len - 1] == '\n') len--;
    out[len] = 0;
    add_expansion(out, quoted);
    free(out);
}

/* Expands $( command ) at p (just after "$("); returns the position after its ). */
static const char *expand_subst(const char *p, int quoted) {
    const char *end = skip_subst(p);
    if (!end) end = p + strlen(p) + 1;
    char *text = strndup(p, end - 1 - p);
    add_command_output(text, quoted);
    free(text);
    return end;
}

/* Expands a backquoted command at p (just after the opening backquote): a backslash before
   $, a backquote or a backslash stands for that character. Returns the position after it. */
static const char *expand_backquote(const char *p, int quoted) {
    const char *end = skip_backquote(p);
    if (!end) end = p + strlen(p) + 1;
    char *text = malloc(end - p + 1);
    int n = 0;
    for (const char *q = p; q < end - 1; q++) {
        if (*q == '\\' && (q[1] == '$' || q[1] == '${'`'}' || q[1] == '\\')) q++;
        text[n++] = *q;
    }
    text[n] = 0;
    add_command_output(text, quoted);
    free(text);
    return end;
}

/* Expands a parameter at p ($ already seen); returns the position after it. */
static const char *expand_param(const char *p, int quoted) {
    if (p[0] == '(' && p[1] == '(') return expand_arith(p + 2, quoted);
    if (p[0] == '(') return expand_subst(p + 1, quoted);
    if (*p == '{') {
        const char *end = strchr(p, '}');
        if (!end) { add_char('$', quoted); return p; }
        add_expansion(param_value(p + 1, end - p - 1), quoted);
        return end + 1;
    }
    if (*p == '?' || *p == '$' || *p == '#' || (*p >= '0' && *p <= '9')) {
        add_expansion(param_value(p, 1), quoted);
        return p + 1;
    }
    if (name_char(*p, 1)) {
        const char *q = p;
        while (name_char(*q, 0)) q++;
        add_expansion(param_value(p, q - p), quoted);
        return q;
    }
    add_char('$', quoted);
    return p;
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Ends the current field; a field with unquoted * ? [ is replaced by the names it matches. */
static void end_field(int glob) {
    cur[cur_len] = 0;
    if (glob && cur_has_glob) {
        /* the pattern's directory part (no pattern characters there in the lab's shell) */
        char *slash = strrchr(cur, '/');
        char dir[FIELD_MAX];
        const char *pat = cur;
        if (slash) {
            int n = slash - cur;
            memcpy(dir, cur, n);
            dir[n] = 0;
            if (n == 0) strcpy(dir, "/");
            pat = slash + 1;
        } else strcpy(dir, ".");
        DIR *d = opendir(dir);
        int first = nfields;
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (e->d_name[0] == '.' && pat[0] != '.') continue;
                if (!match(pat, e->d_name)) continue;
                if (nfields == MAX_FIELDS) break;
                if (slash) {
                    char *full = malloc(strlen(cur) + strlen(e->d_name) + 2);
                    sprintf(full, "%.*s/%s", (int)(slash - cur), cur, e->d_name);
                    fields[nfields++] = full;
                } else fields[nfields++] = strdup(e->d_name);
            }
            closedir(d);
        }
        if (nfields > first) {
            qsort(fields + first, nfields - first, sizeof(char *), compare_strings);
            cur_len = 0; cur_started = 0; cur_has_glob = 0;
            return;
        }
    }
    if (nfields < MAX_FIELDS) fields[nfields++] = strdup(cur);
    cur_len = 0;
    cur_started = 0;
    cur_has_glob = 0;
}

/* Whether name matches the pattern (* any string, ? one character, [abc] [a-z] [!x] a class). */
static int match(const char *pat, const char *s) {
    for (; *pat; pat++, s++) {
        if (*pat == '*') {
            while (pat[1] == '*') pat++;
            if (!pat[1]) return 1;
            for (const char *t = s; *t; t++) if (match(pat + 1, t)) return 1;
            return 0;
        }
        if (!*s) return 0;
        if (*pat == '?') continue;
        if (*pat == '[') {
            const char *q = pat + 1;
            int negate = *q == '!' || *q == '^';
            if (negate) q++;
            int ok = 0;
            for (int firstc = 1; *q && (*q != ']' || firstc); q++, firstc = 0) {
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    if (*s >= q[0] && *s <= q[2]) ok = 1;
                    q += 2;
                } else if (*q == *s) ok = 1;
            }
            if (*q != ']') { if (*s != '[') return 0; continue; }
            if (ok == negate) return 0;
            pat = q;
            continue;
        }
        if (*pat != *s) return 0;
    }
    return *s == 0;
}

/* Expands a word into fields (parameters, quote removal, splitting, patterns). */
static void expand_word(const char *w, int glob) {
    const char *p = w;
    while (*p) {
        if (*p == '\\') {
            if (p[1]) { add_char(p[1], 1); p += 2; } else p++;
        } else if (*p == '\'') {
            p++;
            cur_started = 1;
            while (*p && *p != '\'') add_char(*p++, 1);
            if (*p) p++;
        } else if (*p == '"') {
            p++;
            cur_started = 1;
            while (*p && *p != '"') {
                if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == '$' || p[1] == '${'`'}')) { add_char(p[1], 1); p += 2; }
                else if (*p == '\\' && p[1] == '\n') p += 2;
                else if (*p == '$') p = expand_param(p + 1, 1);
                else if (*p == '${'`'}') p = expand_backquote(p + 1, 1);
                else add_char(*p++, 1);
            }
            if (*p) p++;
        } else if (*p == '$') {
            p = expand_param(p + 1, 0);
        } else if (*p == '${'`'}') {
            p = expand_backquote(p + 1, 0);
        } else {
            add_char(*p++, 0);
        }
    }
    if (cur_started) end_field(glob);
}

/* A redirection's word or an assignment's value: expanded to one field (no splitting into several). */
static char *expand_one(const char *w) {
    int before = nfields;
    no_split = 1;
    expand_word(w, 0);
    no_split = 0;
    if (nfields == before) return strdup("");
    char *r = fields[before];
    nfields = before;
    return r;
}

/* ---------------------------------------------------------------- running commands */
static int eval(struct node *n, int in_child, int last);

/* Puts the command's redirections in place; returns 0, or prints dash's message and returns 2. */
static int apply_redirs(struct node *n) {
    for (int i = 0; i < n->nredirs; i++) {
        int t = n->redir_type[i];
        int fd = n->redir_fd[i];
        char *word = expand_one(n->redir_word[i]);
        if (t == T_GREATAND || t == T_LESSAND) {
            if (strcmp(word, "-") == 0) { close(fd); continue; }
            char *end;
            long from = strtol(word, &end, 10);
            if (*word == 0 || *end != 0) { fail("Syntax error: Bad fd number", NULL, NULL); return 2; }
            if (dup2((int)from, fd) < 0) { line_no = n->line; fail("%s: Bad file descriptor", word, NULL); return 2; }
            continue;
        }
        int flags = t == T_LESS ? O_RDONLY : t == T_GREAT ? O_WRONLY | O_CREAT | O_TRUNC : O_WRONLY | O_CREAT | O_APPEND;
        int opened = open(word, flags, 0666);
        if (opened < 0) {
            line_no = n->line;
            fail(t == T_LESS ? "cannot open %s: %s" : "cannot create %s: %s", word, open_error(errno, t != T_LESS));
            return 2;
        }
        if (opened != fd) {
            dup2(opened, fd);
            close(opened);
        }
    }
    return 0;
}

/* dash's echo: -n suppresses the newline; \n \t \\ \c \0nnn and friends are always interpreted. */
static int builtin_echo(int argc, char **argv) {
    int i = 1, newline = 1;
    if (i < argc && strcmp(argv[i], "-n") == 0) { newline = 0; i++; }
    for (; i < argc; i++) {
        for (const char *p = argv[i]; *p; p++) {
            if (*p != '\\' || !p[1]) { putchar(*p); continue; }
            p++;
            switch (*p) {
            case 'n': putchar('\n'); break;
            case 't': putchar('\t'); break;
            case 'r': putchar('\r'); break;
            case 'a': putchar('\a'); break;
            case 'b': putchar('\b'); break;
            case 'f': putchar('\f'); break;
            case 'v': putchar('\v'); break;
            case '\\': putchar('\\'); break;
            case 'c': fflush(stdout); return 0;
            case '0': {
                int v = 0, k = 0;
                while (k < 3 && p[1] >= '0' && p[1] <= '7') { v = v * 8 + (*++p - '0'); k++; }
                putchar(v);
                break;
            }
            default: putchar('\\'); putchar(*p);
            }
        }
        if (i + 1 < argc) putchar(' ');
    }
    if (newline) putchar('\n');
    fflush(stdout);
    return 0;
}

/* The escapes of printf's format and %b: \n \t \\ \a \b \f \r \v \0NNN; returns the position after. */
static const char *put_escape(const char *p) {
    switch (*p) {
    case 'n': putchar('\n'); return p + 1;
    case 't': putchar('\t'); return p + 1;
    case 'r': putchar('\r'); return p + 1;
    case 'a': putchar('\a'); return p + 1;
    case 'b': putchar('\b'); return p + 1;
    case 'f': putchar('\f'); return p + 1;
    case 'v': putchar('\v'); return p + 1;
    case '\\': putchar('\\'); return p + 1;
    case '"': putchar('"'); return p + 1;
    default:
        if (*p >= '0' && *p <= '7') {
            int v = 0, k = 0;
            while (k < 3 && *p >= '0' && *p <= '7') { v = v * 8 + (*p++ - '0'); k++; }
            putchar(v);
            return p;
        }
        putchar('\\');
        return p;
    }
}

/* dash's printf builtin: the format is reused while arguments remain; %s %b %c %d %i %u %x %X %o %%. */
static int builtin_printf(int argc, char **argv) {
    if (argc < 2) { fail("printf: usage: printf format [arg ...]", NULL, NULL); return 2; }
    const char *format = argv[1];
    int next = 2;
    int status = 0;
    do {
        for (const char *p = format; *p; ) {
            if (*p == '\\') { p = put_escape(p + 1); continue; }
            if (*p != '%') { putchar(*p++); continue; }
            if (p[1] == '%') { putchar('%'); p += 2; continue; }
            /* one conversion: %[flags][width][.precision]conv */
            char spec[32];
            int n = 0;
            spec[n++] = *p++;
            while (*p && strchr("-+ #0", *p) && n < 20) spec[n++] = *p++;
            while (*p >= '0' && *p <= '9' && n < 24) spec[n++] = *p++;
            if (*p == '.') { spec[n++] = *p++; while (*p >= '0' && *p <= '9' && n < 28) spec[n++] = *p++; }
            char conv = *p ? *p++ : 's';
            const char *arg = next < argc ? argv[next++] : NULL;
            if (conv == 'd' || conv == 'i' || conv == 'u' || conv == 'x' || conv == 'X' || conv == 'o' || conv == 'c') {
                long v = 0;
                if (conv == 'c') { spec[n++] = 'c'; spec[n] = 0; printf(spec, arg && *arg ? arg[0] : 0); continue; }
                if (arg) {
                    char *end;
                    v = strtol(arg, &end, 0);
                    if (*arg == 0 || *end) { fail("printf: %s: expected numeric value", arg, NULL); status = 1; }
                }
                spec[n++] = 'l';
                spec[n++] = conv == 'i' ? 'd' : conv;
                spec[n] = 0;
                printf(spec, v);
            } else if (conv == 'b') {
                for (const char *q = arg ? arg : ""; *q; ) {
                    if (*q == '\\') q = put_escape(q + 1); else putchar(*q++);
                }
            } else {
                spec[n++] = 's';
                spec[n] = 0;
                printf(spec, arg ? arg : "");
            }
        }
    } while (next < argc && next > 2);
    fflush(stdout);
    return status;
}

/* Runs a builtin named argv[0]; returns its status, or -1 when there is none by that name. */
/* ---- test and [ : dash's test, by recursive descent over its arguments */
static char **targs;
static int tcount, tpos, terror;
static const char *tname;

static int test_or(void);

/* A whole number for -eq and friends, or dash's message. */
static long test_number(const char *s) {
    char *end;
    const char *p = s;
    while (*p == ' ' || *p == '\t') p++;
    long v = strtol(p, &end, 10);
    if (terror) return 0;
    if (!*p || *end) { fail("%s: Illegal number: %s", tname, s); terror = 1; }
    return v;
}

static int is_binary_op(const char *op) {
    static const char *ops[] = { "=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL };
    for (int i = 0; ops[i]; i++) if (strcmp(op, ops[i]) == 0) return 1;
    return 0;
}

static int is_unary_op(const char *op) {
    return op[0] == '-' && op[1] && !op[2] && strchr("edfrwxsznLhpcb", op[1]) != NULL;
}

/* ( EXPR ), a unary test, a binary test, or a string (true when it is not empty). */
static int test_primary(void) {
    if (tpos >= tcount) { if (!terror) fail("%s: argument expected", tname, NULL); terror = 1; return 0; }
    const char *a = targs[tpos];
    int left = tcount - tpos;
    if (strcmp(a, "(") == 0 && left > 1) {
        tpos++;
        int v = test_or();
        if (tpos < tcount && strcmp(targs[tpos], ")") == 0) tpos++;
        else if (!terror) { fail("%s: closing paren expected", tname, NULL); terror = 1; }
        return v;
    }
    if (left >= 3 && is_binary_op(targs[tpos + 1])) {
        const char *op = targs[tpos + 1], *b = targs[tpos + 2];
        tpos += 3;
        if (op[0] != '-') {
            int c = strcmp(a, b);
            return op[0] == '=' ? c == 0 : op[0] == '!' ? c != 0 : op[0] == '<' ? c < 0 : c > 0;
        }
        long x = test_number(a), y = test_number(b);
        if (strcmp(op, "-eq") == 0) return x == y;
        if (strcmp(op, "-ne") == 0) return x != y;
        if (strcmp(op, "-lt") == 0) return x < y;
        if (strcmp(op, "-le") == 0) return x <= y;
        if (strcmp(op, "-gt") == 0) return x > y;
        return x >= y;
    }
    if (left >= 2 && is_unary_op(a)) {
        const char *f = targs[tpos + 1];
        tpos += 2;
        struct stat st;
        switch (a[1]) {
        case 'z': return f[0] == 0;
        case 'n': return f[0] != 0;
        case 'e': return stat(f, &st) == 0;
        case 'f': return stat(f, &st) == 0 && S_ISREG(st.st_mode);
        case 'd': return stat(f, &st) == 0 && S_ISDIR(st.st_mode);
        case 'p': return stat(f, &st) == 0 && S_ISFIFO(st.st_mode);
        case 'c': return stat(f, &st) == 0 && S_ISCHR(st.st_mode);
        case 's': return stat(f, &st) == 0 && st.st_size > 0;
        case 'r': return access(f, R_OK) == 0;
        case 'w': return access(f, W_OK) == 0;
        case 'x': return access(f, X_OK) == 0;
        default: return 0;   /* -L -h -b: the lab has no links or block devices */
        }
    }
    tpos++;
    return a[0] != 0;
}

static int test_not(void) {
    if (tpos < tcount && strcmp(targs[tpos], "!") == 0 && tcount - tpos > 1) { tpos++; return !test_not(); }
    return test_primary();
}

static int test_and(void) {
    int v = test_not();
    while (tpos < tcount && strcmp(targs[tpos], "-a") == 0) { tpos++; v = test_not() && v; }
    return v;
}

static int test_or(void) {
    int v = test_and();
    while (tpos < tcount && strcmp(targs[tpos], "-o") == 0) { tpos++; v = test_and() || v; }
    return v;
}

/* test EXPR and [ EXPR ]: 0 when true, 1 when false, 2 after a message. */
static int builtin_test(int argc, char **argv) {
    tname = argv[0];
    if (strcmp(tname, "[") == 0) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) { fail("[: missing ]", NULL, NULL); return 2; }
        argc--;
    }
    targs = argv + 1;
    tcount = argc - 1;
    tpos = 0;
    terror = 0;
    if (tcount == 0) return 1;
    /* two arguments that are no unary test: dash names the first */
    if (tcount == 2 && strcmp(targs[0], "!") != 0 && !is_unary_op(targs[0])) {
        fail("%s: %s: unexpected operator", tname, targs[0]);
        return 2;
    }
    int v = test_or();
    if (!terror && tpos < tcount) { fail("%s: %s: unexpected operator", tname, targs[tpos]); return 2; }
    return terror ? 2 : !v;
}

/* read [-r] NAME...: one line of standard input, a byte at a time (so that what follows it is
   left for the next reader), split at blanks into the names, the last one taking the rest. */
static int builtin_read(int argc, char **argv) {
    int i = 1, raw = 0;
    if (i < argc && strcmp(argv[i], "-r") == 0) { raw = 1; i++; }
    if (i >= argc) { fail("read: arg count", NULL, NULL); return 2; }
    fflush(stdout);
    static char line[FIELD_MAX];
    static char escaped[FIELD_MAX];
    int n = 0, ended = 0;
    char c;
    while (read(0, &c, 1) == 1) {
        if (c == '\n') { ended = 1; break; }
        int esc = 0;
        if (c == '\\' && !raw) {
            if (read(0, &c, 1) != 1) break;
            if (c == '\n') continue;
            esc = 1;
        }
        if (n < FIELD_MAX - 1) { escaped[n] = esc; line[n++] = c; }
    }
    line[n] = 0;
    int k = 0;
    for (; i < argc; i++) {
        while (k < n && !escaped[k] && is_blank(line[k])) k++;
        int start = k;
        if (i == argc - 1) {
            int end = n;
            while (end > start && !escaped[end - 1] && is_blank(line[end - 1])) end--;
            k = end;
        } else {
            while (k < n && (escaped[k] || !is_blank(line[k]))) k++;
        }
        int idx = find_var(argv[i], strlen(argv[i]));
        char *value = strndup(line + start, k - start);
        set_var(argv[i], strlen(argv[i]), value, idx >= 0 && var_exported[idx]);
    }
    return ended ? 0 : 1;
}

static int run_builtin(int argc, char **argv) {
    const char *name = argv[0];
    if (strcmp(name, "test") == 0 || strcmp(name, "[") == 0) return builtin_test(argc, argv);
    if (strcmp(name, "read") == 0) return builtin_read(argc, argv);
    if (strcmp(name, "break") == 0 || strcmp(name, "continue") == 0) {
        long levels = 1;
        if (argc > 1) {
            char *end;
            levels = strtol(argv[1], &end, 10);
            /* (a special builtin: its error ends the shell) */
            if (!*argv[1] || *end || levels <= 0) { fail("%s: Illegal number: %s", name, argv[1]); exit(2); }
        }
        if (levels > loop_depth) levels = loop_depth;
        if (name[0] == 'b') breaking = levels; else continuing = levels;
        return 0;
    }
    if (strcmp(name, ":") == 0 || strcmp(name, "true") == 0) return 0;
    if (strcmp(name, "false") == 0) return 1;
    if (strcmp(name, "echo") == 0) return builtin_echo(argc, argv);
    if (strcmp(name, "printf") == 0) return builtin_printf(argc, argv);
    if (strcmp(name, "wait") == 0) {
        /* waits for every child; $? is the last one's status */
        int status, last = 0;
        pid_t pid;
        while ((pid = wait(&status)) > 0) last = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
        return argc > 1 ? last : 0;
    }
    if (strcmp(name, "exit") == 0) {
        int status = last_status;
        if (argc > 1) {
            char *end;
            long v = strtol(argv[1], &end, 10);
            if (*argv[1] == 0 || *end != 0 || v < 0) { fail("exit: Illegal number: %s", argv[1], NULL); status = 2; }
            else status = (int)(v & 255);
        }
        fflush(stdout);
        exit(status);
    }
    if (strcmp(name, "cd") == 0) {
        const char *dir = argc > 1 ? argv[1] : getenv("HOME");
        if (!dir || chdir(dir) != 0) { fail("cd: can't cd to %s", argc > 1 ? argv[1] : "", NULL); return 2; }
        char buf[4096];
        if (getcwd(buf, sizeof buf)) set_var("PWD", 3, buf, 1);
        return 0;
    }
    if (strcmp(name, "pwd") == 0) {
        char buf[4096];
        if (!getcwd(buf, sizeof buf)) return 1;
        printf("%s\n", buf);
        fflush(stdout);
        return 0;
    }
    if (strcmp(name, "export") == 0 || strcmp(name, "unset") == 0) {
        for (int i = 1; i < argc; i++) {
            char *eq = strchr(argv[i], '=');
            if (name[0] == 'u') unset_var(argv[i]);
            else if (eq) set_var(argv[i], eq - argv[i], eq + 1, 1);
            else {
                int k = find_var(argv[i], strlen(argv[i]));
                if (k >= 0) var_exported[k] = 1;
            }
        }
        return 0;
    }
    return -1;
}

/* Execs argv[0] (looked up in PATH unless it has a /); on failure prints dash's message and exits. */
static void exec_command(char **argv, char **env) {
    const char *name = argv[0];
    int err = ENOENT;
    if (strchr(name, '/')) {
        execve(name, argv, env);
        err = errno;
    } else {
        const char *path = param_value("PATH", 4);
        if (!path) path = "/bin:/usr/bin";
        char buf[4096];
        const char *p = path;
        while (1) {
            const char *colon = strchr(p, ':');
            int n = colon ? colon - p : (int)strlen(p);
            snprintf(buf, sizeof buf, "%.*s%s%s", n, p, n ? "/" : "", name);
            execve(buf, argv, env);
            if (errno != ENOENT && errno != ENOTDIR) err = errno;
            if (!colon) break;
            p = colon + 1;
        }
    }
    if (err == ENOENT || err == ENOTDIR) { fail("%s: not found", name, NULL); _exit(127); }
    fail("%s: %s", name, strerror(err));
    _exit(126);
}

/* Waits for a child; returns its status as $? shows it (128 + signal when killed). */
static int wait_status(pid_t pid) {
    int status;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return 127;
    }
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

static int is_builtin(const char *name) {
    static const char *names[] = { "echo", "printf", "wait", "cd", "exit", "pwd", "export", "unset", ":", "true", "false",
        "test", "[", "read", "break", "continue", NULL };
    for (int i = 0; names[i]; i++) if (strcmp(name, names[i]) == 0) return 1;
    return 0;
}

/*
 * A builtin (or bare redirections) in the shell process: the redirections are put in place for
 * it and undone afterwards, unless this process ends with it (final).
 */
/* Keeps a copy of each descriptor (0-9) that the node's redirections will change. */
static void save_fds(struct node *n, int saved[10]) {
    fflush(stdout);
    for (int k = 0; k < 10; k++) saved[k] = -1;
    for (int i = 0; i < n->nredirs; i++) {
        int fd = n->redir_fd[i];
        if (fd >= 0 && fd < 10 && saved[fd] < 0) saved[fd] = fcntl(fd, F_DUPFD_CLOEXEC, 10);
        if (fd >= 0 && fd < 10 && saved[fd] < 0) saved[fd] = -2;  /* was closed */
    }
}

/* Puts back the descriptors save_fds kept. */
static void restore_fds(int saved[10]) {
    fflush(stdout);
    for (int k = 0; k < 10; k++) {
        if (saved[k] >= 0) { dup2(saved[k], k); close(saved[k]); }
        else if (saved[k] == -2) close(k);
    }
}

static int in_shell(struct node *n, int argc, char **argv, int final) {
    int saved[10];
    if (!final) save_fds(n, saved);
    else { fflush(stdout); for (int k = 0; k < 10; k++) saved[k] = -1; }
    int r = apply_redirs(n);
    if (r == 0 && argc > 0) r = run_builtin(argc, argv);
    restore_fds(saved);
    return r;
}

/* A simple command: assignments, then words and redirections. */
static int eval_command(struct node *n, int in_child, int last) {
    nfields = 0;
    subst_status = -1;
    int nassign = 0;
    char *assign[MAX_WORDS];
    int i = 0;
    /* leading NAME=value words are assignments */
    for (; i < n->nwords; i++) {
        const char *w = n->words[i];
        const char *q = w;
        if (!name_char(*q, 1)) break;
        while (name_char(*q, 0)) q++;
        if (*q != '=') break;
        assign[nassign++] = n->words[i];
    }
    for (; i < n->nwords; i++) expand_word(n->words[i], 1);
    fields[nfields] = NULL;
    line_no = n->line;
    int argc = nfields;
    char **argv = malloc((argc + 1) * sizeof(char *));
    memcpy(argv, fields, (argc + 1) * sizeof(char *));
    /* a command that is only assignments sets the shell's variables */
    if (argc == 0) {
        for (int k = 0; k < nassign; k++) {
            char *eq = strchr(assign[k], '=');
            char *v = expand_one(eq + 1);
            int idx = find_var(assign[k], eq - assign[k]);
            set_var(assign[k], eq - assign[k], v, idx >= 0 && var_exported[idx]);
        }
        /* (its status is that of its last command substitution, as in dash) */
        int substituted = subst_status;
        int status = in_shell(n, argc, argv, in_child && last);
        return status == 0 && substituted >= 0 ? substituted : status;
    }
    if (is_builtin(argv[0])) return in_shell(n, argc, argv, in_child && last);
    /* an external command: in a child, or in place when nothing follows it in this process */
    pid_t pid = 0;
    if (!(in_child && last)) {
        fflush(stdout);
        pid = fork();
        if (pid < 0) { fail("Cannot fork", NULL, NULL); return 2; }
    }
    if (pid == 0) {
        /* NAME=value before a command: in that command's environment only */
        for (int k = 0; k < nassign; k++) {
            char *eq = strchr(assign[k], '=');
            set_var(assign[k], eq - assign[k], expand_one(eq + 1), 1);
        }
        if (apply_redirs(n) != 0) _exit(2);
        exec_command(argv, build_env());
    }
    return wait_status(pid);
}

/* Runs a node in a forked child; returns the child's pid. */
static pid_t fork_eval(struct node *n, int in_fd, int out_fd) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) { fail("Cannot fork", NULL, NULL); return -1; }
    if (pid == 0) {
        if (in_fd != 0) { dup2(in_fd, 0); close(in_fd); }
        if (out_fd != 1) { dup2(out_fd, 1); close(out_fd); }
        exit(eval(n, 1, 1));
    }
    return pid;
}

/* A pipeline: each command in its own child, joined by pipes; the status is the last one's. */
static int eval_pipeline(struct node *n) {
    int ncmds = 1;
    struct node *p;
    for (p = n; p->kind == N_PIPE; p = p->left) ncmds++;
    struct node **cmds = malloc(ncmds * sizeof *cmds);
    pid_t *pids = malloc(ncmds * sizeof *pids);
    if (!cmds || !pids) { fail("Out of space", NULL, NULL); free(cmds); free(pids); return 2; }
    ncmds = 0;
    for (p = n; p->kind == N_PIPE; p = p->left) cmds[ncmds++] = p->right;
    cmds[ncmds++] = p;
    /* from the last command to the first; a failed pipe or fork ends the pipeline there (as dash) */
    int in_fd = 0, first = ncmds, failed = 0;
    for (int i = ncmds - 1; i >= 0; i--) {
        int fds[2] = { 0, 1 };
        if (i > 0 && pipe(fds) != 0) { fail("Pipe call failed", NULL, NULL); failed = 1; break; }
        if (i > 0) fcntl(fds[0], F_SETFD, FD_CLOEXEC);
        pids[i] = fork_eval(cmds[i], in_fd, i > 0 ? fds[1] : 1);
        if (in_fd != 0) close(in_fd);
        in_fd = 0;
        if (i > 0) { close(fds[1]); in_fd = fds[0]; fcntl(in_fd, F_SETFD, 0); }
        if (pids[i] < 0) { failed = 1; break; }
        first = i;
    }
    if (in_fd != 0) close(in_fd);
    int status = 0;
    for (int i = ncmds - 1; i >= first; i--) status = wait_status(pids[i]);
    if (failed) status = 2;
    free(cmds);
    free(pids);
    return status;
}

/* Evaluates a node: in_child when this process may be replaced, last when nothing follows it. */

/* Whether a loop must stop after its body ran (break, or continue of an outer loop). */
static int loop_ends(void) {
    if (breaking) { breaking--; return 1; }
    if (continuing) { continuing--; return continuing > 0; }
    return 0;
}

/* if, while, until, for, { }: in the shell process, with the command's redirections put in
   place for it and undone afterwards (as dash runs them). */
static int eval_compound_body(struct node *n, int in_child, int last) {
    int status = 0;
    switch (n->kind) {
    case N_IF:
        if (eval(n->left, in_child, 0) == 0 && !breaking && !continuing) return eval(n->right, in_child, last);
        if (breaking || continuing) return last_status;
        return n->other ? eval(n->other, in_child, last) : 0;
    case N_GROUP:
        return eval(n->left, in_child, last);
    case N_WHILE: case N_UNTIL:
        loop_depth++;
        while (1) {
            int c = eval(n->left, in_child, 0);
            if (breaking || continuing) { if (loop_ends()) break; continue; }
            if ((c == 0) != (n->kind == N_WHILE)) break;
            status = eval(n->right, in_child, 0);
            if ((breaking || continuing) && loop_ends()) break;
        }
        loop_depth--;
        return status;
    case N_FOR: {
        /* the words after "in" (or the positional parameters), expanded once */
        int first = nfields;
        if (n->has_in) for (int i = 0; i < n->nwords; i++) expand_word(n->words[i], 1);
        else for (int i = 0; i < npos_args; i++) fields[nfields++] = pos_args[i];
        int count = nfields - first;
        char **items = malloc((count + 1) * sizeof(char *));
        memcpy(items, fields + first, count * sizeof(char *));
        nfields = first;
        loop_depth++;
        for (int i = 0; i < count; i++) {
            int idx = find_var(n->name, strlen(n->name));
            set_var(n->name, strlen(n->name), items[i], idx >= 0 && var_exported[idx]);
            status = eval(n->left, in_child, 0);
            if ((breaking || continuing) && loop_ends()) break;
        }
        loop_depth--;
        free(items);
        return status;
    }
    }
    return 0;
}

static int eval_compound(struct node *n, int in_child, int last) {
    if (n->nredirs == 0) return eval_compound_body(n, in_child, last);
    int saved[10];
    save_fds(n, saved);
    int r = apply_redirs(n);
    if (r == 0) r = eval_compound_body(n, in_child, 0);
    restore_fds(saved);
    return r;
}

static int eval(struct node *n, int in_child, int last) {
    if (!n) return 0;
    switch (n->kind) {
    case N_CMD: return last_status = eval_command(n, in_child, last);
    case N_PIPE: return last_status = eval_pipeline(n);
    case N_SEQ:
        eval(n->left, in_child, 0);
        if (breaking || continuing) return last_status;
        return eval(n->right, in_child, last);
    case N_AND:
        if (eval(n->left, in_child, 0) != 0 || breaking || continuing) return last_status;
        return eval(n->right, in_child, last);
    case N_OR:
        if (eval(n->left, in_child, 0) == 0 || breaking || continuing) return last_status;
        return eval(n->right, in_child, last);
    case N_IF: case N_WHILE: case N_UNTIL: case N_FOR: case N_GROUP:
        return last_status = eval_compound(n, in_child, last);
    case N_BG: {
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            int null = open("/dev/null", O_RDONLY);
            if (null > 0) { dup2(null, 0); close(null); }
            exit(eval(n->left, 1, 1));
        }
        return last_status = 0;
    }
    case N_SUB: {
        /* the subshell's own process: its redirections, then its list */
        if (in_child && last) {
            if (apply_redirs(n) != 0) return last_status = 2;
            return last_status = eval(n->left, 1, 1);
        }
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) { fail("Cannot fork", NULL, NULL); return last_status = 2; }
        if (pid == 0) {
            if (apply_redirs(n) != 0) _exit(2);
            exit(eval(n->left, 1, 1));
        }
        return last_status = wait_status(pid);
    }
    }
    return 0;
}

/* The shell's variables start as its environment, all exported. */
static void import_environment(void) {
    for (char **e = environ; e && *e; e++) {
        char *eq = strchr(*e, '=');
        if (eq) set_var(*e, eq - *e, eq + 1, 1);
    }
}

/* Tokenizes, parses and runs a script in this process (sh -c's, or a command substitution's in
   its forked shell); returns its status. */
static int run_script(const char *text) {
    /* (a substitution's shell starts with no word half expanded) */
    nfields = cur_len = cur_started = cur_has_glob = no_split = 0;
    if (tokenize(text) != 0) return 2;
    pos = 0;
    syntax_error = 0;
    struct node *tree = parse_list(0);
    if (syntax_error) return 2;
    int status = eval(tree, 1, 1);
    fflush(stdout);
    return status;
}

int main(int argc, char *argv[]) {
    import_environment();
    if (argc < 3 || strcmp(argv[1], "-c") != 0) {
        fprintf(stderr, "sh: the lab's shell runs commands given with -c: sh -c \"command\"\n");
        return 2;
    }
    script = argv[2];
    if (argc > 3) argv0 = argv[3];
    pos_args = argv + 4;
    npos_args = argc > 4 ? argc - 4 : 0;
    return run_script(script);
}
`;
