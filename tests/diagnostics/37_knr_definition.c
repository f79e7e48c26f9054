// expect: 2:9: K&R-style function definitions (parameter types declared after the parentheses) are not supported in the lab
int add(a, b)
int a; int b;
{
    return a + b;
}
int main(void) { return add(1, 2); }
