/* The shell expands $VAR from the environment (setenv before system), $? after a command, and
   keeps quoted text together. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    setenv("GREETING", "hello there", 1);
    system("echo $GREETING");
    system("echo \"[$GREETING]\" '[$GREETING]'");
    system("false; echo status $?; true; echo status $?");
    system("X=local; echo $X; sh -c 'echo child sees [$X]'");
    system("export Y=exported; sh -c 'echo child sees [$Y]'");
    system("echo $((6 * 7)) and ${GREETING}!");
    system("printf '%s|%3d|\\n' word 5");
    return 0;
}
