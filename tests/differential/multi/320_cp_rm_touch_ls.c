// file: source.txt=copy me\n
/* Files through the lab's programs: touch, cp, rm, ls and head, and their error messages. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    system("touch empty.txt; cp source.txt copy.txt; ls");
    system("head -n 1 copy.txt");
    system("rm source.txt; ls; rm source.txt; echo rm said $?");
    system("cp nothing.txt x.txt");
    system("mkdir_does_not_exist 2>/dev/null; echo $?");
    system("ls empty.txt missing.txt");
    system("wc -c copy.txt empty.txt");
    return 0;
}
