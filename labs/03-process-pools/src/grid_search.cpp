// Exercise 5 — grid search with k-fold cross-validation on the pool. Graded by test_applications
// (GridSearch.*: identical to baseline/baseline.cpp's serial search).
#include "hpc/todo.hpp"
#include "lab03/applications.hpp"
#include "lab03/ridge.hpp"

namespace hpc::lab03 {

GridSearchResult grid_search(ProcessPool& pool, const std::vector<double>& lambdas) {
  // TODO(student): one "ridge_cv" input per (lambda, fold), encode_doubles({lambda, fold}), for
  // fold in [0, ridge::kFolds). Map them, then per lambda add its folds' errors *in fold order*
  // (so the sums equal the serial ones exactly) and divide by kFolds. The best lambda has the
  // smallest mean error, the first one on a tie.
  hpc::todo("grid_search");
}

}  // namespace hpc::lab03
