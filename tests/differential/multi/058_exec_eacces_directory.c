// Executing a directory fails with EACCES.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    int r = execl("/bin", "bin", (char *)NULL);
    printf("execl(\"/bin\") = %d: %s (EACCES: %s)\n", r, strerror(errno), errno == EACCES ? "yes" : "no");
    return 0;
}
