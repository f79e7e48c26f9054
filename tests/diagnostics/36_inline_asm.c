// expect: 3:5: inline assembly (asm) is not supported in the lab
int main(void) {
    asm("nop");
    return 0;
}
