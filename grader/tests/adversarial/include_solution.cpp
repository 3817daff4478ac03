// Adversarial submission: no code of its own, only the reference solution, reached through the
// course's own include path (-I labs/01-vectorization/include). It must not compile.
#include "../../../solutions/01-vectorization/src/matmul.cpp"
