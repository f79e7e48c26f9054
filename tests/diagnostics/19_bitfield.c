// expect: 3:24: bit-fields are not supported in the lab
struct flags {
    unsigned int ready : 1;
};
int main(void) {
    return 0;
}
