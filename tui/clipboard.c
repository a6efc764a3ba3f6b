/* Where a citation goes when the clerk copies it: a line appended to citations.txt in the
 * state directory, and the clipboard (a desktop tool, else the terminal's OSC 52). */
#include "clipboard.h"

#include "paths.h"
#include "term.h"
#include "xalloc.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int clipboard_save_citation(const char *line)
{
    char *dir = paths_state_dir();
    if (!dir || paths_mkdir_p(dir, 0700) != 0) {
        free(dir);
        return -1;
    }
    char *path = xasprintf("%s/citations.txt", dir);
    free(dir);
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    free(path);
    if (fd < 0)
        return -1;
    char *text = xasprintf("%s\n", line);
    size_t len = strlen(text);
    int ok = write(fd, text, len) == (ssize_t)len;
    free(text);
    return close(fd) == 0 && ok ? 0 : -1;
}

/* The full path of a program found in $PATH, or NULL. */
static char *in_path(const char *name)
{
    const char *path = getenv("PATH");
    char *copy = xstrdup(path && *path ? path : "/usr/bin:/bin"), *found = NULL;
    for (char *save = NULL, *dir = strtok_r(copy, ":", &save); dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        found = xasprintf("%s/%s", dir, name);
        if (access(found, X_OK) != 0) {
            free(found);
            found = NULL;
        }
    }
    free(copy);
    return found;
}

/* Pipes text to wl-copy, xclip or xsel when a display and the tool exist. The tool runs
 * detached (double fork, adopted by init), so this never waits for it; the one child in
 * between exits at once. Returns 1 when copied, 0 when there is no such tool, -1 on
 * failure. */
static int copy_with_tool(const char *text)
{
    static const char *const tools[][4] = {{"wl-copy", NULL},
                                           {"xclip", "-selection", "clipboard", NULL},
                                           {"xsel", "--clipboard", "--input", NULL}};
    const char *wd = getenv("WAYLAND_DISPLAY"), *xd = getenv("DISPLAY");
    char *prog = NULL;
    int t = 0;
    if (wd && *wd)
        prog = in_path(tools[t = 0][0]);
    for (int i = 1; !prog && xd && *xd && i < 3; i++)
        prog = in_path(tools[t = i][0]);
    if (!prog)
        return 0;
    int in[2];
    if (pipe2(in, O_CLOEXEC) != 0) {
        free(prog);
        return -1;
    }
    pid_t pid = fork();
    if (pid == 0) {
        if (fork() != 0)
            _exit(0);
        setsid();
        int null = open("/dev/null", O_RDWR);
        dup2(in[0], 0);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execv(prog, (char *const *)tools[t]);
        _exit(127);
    }
    free(prog);
    close(in[0]);
    int ok = pid > 0 && waitpid(pid, NULL, 0) == pid;
    if (ok) { /* a tool that died early must not kill us with SIGPIPE */
        struct sigaction ign = {0}, old;
        ign.sa_handler = SIG_IGN;
        sigaction(SIGPIPE, &ign, &old);
        size_t len = strlen(text);
        ok = write(in[1], text, len) == (ssize_t)len;
        sigaction(SIGPIPE, &old, NULL);
    }
    close(in[1]);
    return ok ? 1 : -1;
}

enum clip_result clipboard_copy(const char *text)
{
    int r = copy_with_tool(text);
    if (r != 0)
        return r > 0 ? CLIP_TOOL : CLIP_NONE;
    /* No desktop tool (a console, ssh): many terminals accept OSC 52 from the program. */
    if (term_test_mode())
        return CLIP_NONE;
    term_osc52(text);
    return CLIP_OSC52;
}
